using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Access.Account;

/// <summary>The grants shown on a person's own account page: role, municipality, end date.</summary>
public static class AccountGrants
{
    public sealed record Row(Role Role, string? MunicipalityNis, string? MunicipalityName, DateTime? ExpiresAt);

    public static async Task<IReadOnlyList<Row>> ActiveAsync(PnxDb db, string userId, DateTimeOffset now, CancellationToken ct) =>
        await db.Grants.AsNoTracking()
            .Where(g => g.UserId == userId)
            .Where(AccessQueries.IsActive(now.UtcDateTime))
            .OrderBy(g => g.ExpiresAt)
            .Select(g => new Row(g.Role, g.Municipality != null ? g.Municipality.NisCode : null, g.Municipality != null ? g.Municipality.Name : null, g.ExpiresAt))
            .ToListAsync(ct);
}
