using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Retention;

namespace Pnx.Access.Web;

/// <summary>
/// Who is asking and where, read in ONE query when the session cookie is checked: the live session (not ended, not idle,
/// not expired, user not disabled), the user's active grants and, on a workspace route, the route's municipality with
/// whether a protocol is active today and its protocols' retention terms. Nothing is cached across requests, so a
/// sign-out, a revoked or expired grant, a disabled account or an ended protocol takes effect on the very next request.
/// <see cref="CurrentGrants"/> and <see cref="WorkspaceResolver"/> then find their answers primed (requests without a
/// session, such as the API's, resolve the workspace with the resolver's own query).
/// </summary>
public static class RequestAccess
{
    /// <summary>The session row's ticket and last activity, or null when the session is no longer valid.</summary>
    public sealed record LiveSession(byte[] Ticket, DateTime LastSeenAt);

    public static async Task<LiveSession?> LoadAsync(PnxDb db, string sessionKey, HttpContext? http, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = BelgianTime.Today(time);
        var nis = http is null ? null : WorkspaceResolver.RouteNis(http);
        // No municipality has an empty code: a route without one asks for nothing (and EF Core keeps one SQL text).
        var row = await Query.For(db)(db, sessionKey, now, now - Sessions.SessionPolicy.IdleTimeout, nis ?? "", today,
            http?.RequestAborted ?? CancellationToken.None);
        if (row is null) return null;
        if (http is not null)
        {
            CurrentGrants.Prime(http, row.UserId, row.Grants);
            if (nis is not null)
            {
                WorkspaceResolver.Prime(http, row.WorkspaceId is { } id
                    ? WorkspaceResolver.Workspace(id, nis, row.WorkspaceName!, row.WorkspaceActive, row.WorkspaceTerms, today)
                    : null);
            }
        }

        return new LiveSession(row.Ticket, row.LastSeenAt);
    }

    private sealed record Row(byte[] Ticket, DateTime LastSeenAt, string UserId, List<ActiveGrant> Grants,
        int? WorkspaceId, string? WorkspaceName, bool WorkspaceActive, List<ProtocolTerm> WorkspaceTerms);

    /// <summary>
    /// Compiled once: every request runs it, and EF Core then skips reading and looking up the query's shape. The grants
    /// are those in force (<see cref="AccessQueries.InForce"/>) of the session's user, whose not being disabled is the
    /// session's own condition: together <see cref="AccessQueries.Active"/>. Written without a join inside the grants'
    /// part (the municipality's code is a scalar subquery) so that SQLite reads this user's grants by their index instead of
    /// materialising every user's grants first (<c>PageRoundTripTests.TheSessionQueryReadsOnlyTheUsersOwnGrantsAndTheRoutesMunicipality</c>).
    /// The workspace's part is the resolver's (<see cref="WorkspaceResolver.LoadAsync"/>: the same rules of an active
    /// protocol and of the retention terms): the route's municipality LEFT JOINed by its code (none on a route without one,
    /// or for an unknown code), its protocols a collection joined on its id, which SQLite reads by the protocols'
    /// municipality index. Written as a join, not as a collection inside a subquery, which would need APPLY (not in SQLite).
    /// </summary>
    private static readonly PerEngine<Func<PnxDb, string, DateTime, DateTime, string, DateOnly, CancellationToken, Task<Row?>>> Query = new(() => EF.CompileAsyncQuery(
        QueryRules.Expand<Func<PnxDb, string, DateTime, DateTime, string, DateOnly, CancellationToken, Row?>>((db, sessionKey, now, idleSince, nis, today, ct) => db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionKey && s.EndedAt == null && s.ExpiresAt > now && s.LastSeenAt > idleSince)
            .Where(s => db.Users.Any(u => u.Id == s.UserId && u.DisabledAt == null))
            .SelectMany(s => db.Municipalities.Where(m => m.NisCode == nis).DefaultIfEmpty(), (s, m) => new Row(s.Ticket, s.LastSeenAt, s.UserId,
                db.Grants.Where(g => g.UserId == s.UserId && AccessQueries.InForce.Holds(g, now))
                    .Select(g => new ActiveGrant(g.Role, db.Municipalities.Where(gm => gm.Id == g.MunicipalityId).Select(gm => gm.NisCode).FirstOrDefault())).ToList(),
                m == null ? null : m.Id,
                m == null ? null : m.Name,
                m != null && WorkspaceResolver.HasActiveProtocol.Holds(m, db.Protocols, today),
                db.Protocols.Where(p => p.MunicipalityId == m!.Id).Select(RetentionCutoff.TermOf).ToList()))
            .SingleOrDefault())));
}
