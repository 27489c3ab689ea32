using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Access;

/// <summary>A line of the agency's list of access rights (protocol art. 6). Staff e-mail is not newcomer data.</summary>
public sealed record GrantRow(
    int Id, GrantStatus Status, string UserEmail, Role Role, string? MunicipalityNis, string? Profile,
    DateTime RequestedAt, DateTime? ApprovedAt, DateTime? ExpiresAt);

public static class GrantList
{
    public static async Task<IReadOnlyList<GrantRow>> ListAsync(
        PnxDb db, DateTimeOffset now, string? nis = null, string? userId = null, int? dueWithinDays = null, CancellationToken ct = default)
    {
        var query = dueWithinDays is { } days ? AccessQueries.DueForRecertification(db, now, days) : db.Grants.OrderBy(g => g.Id);
        if (nis is not null) query = query.Where(g => g.Municipality != null && g.Municipality.NisCode == nis);
        if (userId is not null) query = query.Where(g => g.UserId == userId);
        var grants = await query.AsNoTracking()
            .Select(g => new
            {
                Grant = g,
                Email = g.User.Email,
                Nis = g.Municipality != null ? g.Municipality.NisCode : null,
                Profile = g.FunctionProfile != null ? g.FunctionProfile.Name : null,
            })
            .ToListAsync(ct);
        return grants.Select(x => new GrantRow(
            x.Grant.Id, x.Grant.StatusAt(now.UtcDateTime), x.Email ?? "", x.Grant.Role, x.Nis, x.Profile,
            x.Grant.RequestedAt, x.Grant.ApprovedAt, x.Grant.ExpiresAt)).ToList();
    }
}
