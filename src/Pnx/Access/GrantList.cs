using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Access;

/// <summary>
/// A line of the agency's list of access rights (protocol art. 6). Staff names and e-mail are not newcomer data.
/// The requester is null for a bootstrap grant.
/// </summary>
public sealed record GrantRow(
    int Id, GrantStatus Status, string UserEmail, Role Role, string? MunicipalityNis, string? Profile,
    DateTime RequestedAt, DateTime? ApprovedAt, DateTime? ExpiresAt)
{
    public string UserName { get; init; } = "";

    public string? MunicipalityName { get; init; }

    public string? RequestedById { get; init; }

    public string? RequesterName { get; init; }

    public string? RequesterEmail { get; init; }
}

public static class GrantList
{
    /// <summary>One query: the grants with their user, municipality, profile and requester.</summary>
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
                Name = g.User.DisplayName,
                Nis = g.Municipality != null ? g.Municipality.NisCode : null,
                MunicipalityName = g.Municipality != null ? g.Municipality.Name : null,
                Profile = g.FunctionProfile != null ? g.FunctionProfile.Name : null,
                Requester = db.Users.Where(u => u.Id == g.RequestedById).Select(u => new { u.DisplayName, u.Email }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return grants.Select(x => new GrantRow(
            x.Grant.Id, x.Grant.StatusAt(now.UtcDateTime), x.Email ?? "", x.Grant.Role, x.Nis, x.Profile,
            x.Grant.RequestedAt, x.Grant.ApprovedAt, x.Grant.ExpiresAt)
        {
            UserName = x.Name,
            MunicipalityName = x.MunicipalityName,
            RequestedById = x.Grant.RequestedById,
            RequesterName = x.Requester?.DisplayName,
            RequesterEmail = x.Requester?.Email,
        }).ToList();
    }
}
