using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Access.Web;

/// <summary>
/// Who is asking, read in ONE query when the session cookie is checked: the live session (not ended, not idle,
/// not expired, user not disabled) and the user's active grants. The route's municipality, its protocols and their
/// retention terms are the one other query of a workspace request (<see cref="WorkspaceResolver"/>: a collection
/// beside the grants would need APPLY, which SQLite lacks). Nothing is cached across requests, so a sign-out, a
/// revoked or expired grant, a disabled account or an ended protocol takes effect on the very next request.
/// <see cref="CurrentGrants"/> then finds its answer primed.
/// </summary>
public static class RequestAccess
{
    /// <summary>The session row's ticket and last activity, or null when the session is no longer valid.</summary>
    public sealed record LiveSession(byte[] Ticket, DateTime LastSeenAt);

    public static async Task<LiveSession?> LoadAsync(PnxDb db, string sessionKey, HttpContext? http, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var row = await Query.For(db)(db, sessionKey, now, now - Sessions.SessionPolicy.IdleTimeout, http?.RequestAborted ?? CancellationToken.None);
        if (row is null) return null;
        if (http is not null)
        {
            CurrentGrants.Prime(http, row.UserId, row.Grants);
        }

        return new LiveSession(row.Ticket, row.LastSeenAt);
    }

    private sealed record Row(byte[] Ticket, DateTime LastSeenAt, string UserId, List<ActiveGrant> Grants);

    /// <summary>
    /// Compiled once: every request runs it, and EF Core then skips reading and looking up the query's shape. The grants
    /// are those in force (<see cref="AccessQueries.InForce"/>) of the session's user, whose not being disabled is the
    /// session's own condition: together <see cref="AccessQueries.Active"/>. Written without a join inside the grants'
    /// part (the municipality's code is a scalar subquery) so that SQLite reads this user's grants by their index instead of
    /// materialising every user's grants first (<c>PageRoundTripTests.TheSessionQueryReadsOnlyTheUsersOwnGrants</c>).
    /// </summary>
    private static readonly PerEngine<Func<PnxDb, string, DateTime, DateTime, CancellationToken, Task<Row?>>> Query = new(() => EF.CompileAsyncQuery(
        QueryRules.Expand<Func<PnxDb, string, DateTime, DateTime, CancellationToken, Row?>>((db, sessionKey, now, idleSince, ct) => db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionKey && s.EndedAt == null && s.ExpiresAt > now && s.LastSeenAt > idleSince)
            .Where(s => db.Users.Any(u => u.Id == s.UserId && u.DisabledAt == null))
            .Select(s => new Row(s.Ticket, s.LastSeenAt, s.UserId,
                db.Grants.Where(g => g.UserId == s.UserId && AccessQueries.InForce.Holds(g, now))
                    .Select(g => new ActiveGrant(g.Role, db.Municipalities.Where(m => m.Id == g.MunicipalityId).Select(m => m.NisCode).FirstOrDefault())).ToList()))
            .SingleOrDefault())));
}
