using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Access;

/// <summary>A role a user holds right now, and where: the municipality's NIS code, or null for an agency role.</summary>
public sealed record ActiveGrant(Role Role, string? MunicipalityNis);

/// <summary>
/// What a user may do, read from the database on every request, so that a revocation, an expiry or
/// a disabled account takes effect at once.
/// </summary>
public static class AccessQueries
{
    /// <summary>The grant's own terms: approved, not revoked, not expired. Active only when its user is not disabled either (<see cref="Active"/>).</summary>
    public static readonly QueryRule<Grant, DateTime> InForce =
        new((g, utcNow) => g.ApprovedAt != null && g.RevokedAt == null && g.ExpiresAt > utcNow);

    /// <summary>THE rule of an active grant: in force (approved, not revoked, not expired), and the user is not disabled.</summary>
    public static readonly QueryRule<Grant, DateTime> Active =
        new((g, utcNow) => InForce.Holds(g, utcNow) && g.User.DisabledAt == null);

    /// <summary>Active at <paramref name="utcNow"/> (<see cref="Active"/>), as a filter.</summary>
    public static Expression<Func<Grant, bool>> IsActive(DateTime utcNow) => Active.For(utcNow);

    /// <summary>Active or awaiting approval: what segregation of duties weighs against a new grant.</summary>
    public static Expression<Func<Grant, bool>> IsActiveOrRequested(DateTime utcNow) =>
        g => g.RevokedAt == null && (g.ApprovedAt == null || g.ExpiresAt > utcNow);

    public static async Task<IReadOnlyList<ActiveGrant>> ActiveGrantsAsync(PnxDb db, string userId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.Grants.AsNoTracking()
            .Where(g => g.UserId == userId)
            .Where(IsActive(now.UtcDateTime))
            .Select(g => new ActiveGrant(g.Role, g.Municipality != null ? g.Municipality.NisCode : null))
            .ToListAsync(cancellationToken);

    public static bool CanReadPersonalData(Role role) => role.CanReadPersonalData();

    public static Task<bool> IsActiveAccessAdministratorAsync(PnxDb db, string userId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.Grants.Where(g => g.UserId == userId && g.Role == Role.AgencyAccessAdministrator)
            .Where(IsActive(now.UtcDateTime))
            .AnyAsync(cancellationToken);

    /// <summary>Active grants that lapse within <paramref name="days"/> days unless recertified, soonest first.</summary>
    public static IQueryable<Grant> DueForRecertification(PnxDb db, DateTimeOffset now, int days)
    {
        var utcNow = now.UtcDateTime;
        var horizon = utcNow.AddDays(days);
        return db.Grants.Where(IsActive(utcNow)).Where(g => g.ExpiresAt <= horizon).OrderBy(g => g.ExpiresAt).ThenBy(g => g.Id);
    }
}
