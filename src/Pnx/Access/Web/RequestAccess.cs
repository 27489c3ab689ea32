using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;
using Pnx.Protocols;
using Pnx.Retention;

namespace Pnx.Access.Web;

/// <summary>
/// Everything a request needs to decide who may do what, read in ONE query when the session cookie is checked:
/// the live session (not ended, not idle, not expired, user not disabled), the user's active grants, and the
/// municipality named by the route with whether its protocol is active today and its protocols' terms (the retention cutoff). Nothing is cached across requests,
/// so a sign-out, a revoked or expired grant, a disabled account or an ended protocol takes effect on the very
/// next request. <see cref="CurrentGrants"/> and <see cref="WorkspaceResolver"/> then find their answers primed.
/// </summary>
public static class RequestAccess
{
    /// <summary>The session row's ticket and last activity, or null when the session is no longer valid.</summary>
    public sealed record LiveSession(byte[] Ticket, DateTime LastSeenAt);

    public static async Task<LiveSession?> LoadAsync(PnxDb db, string sessionKey, HttpContext? http, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var idleSince = now - Sessions.SessionPolicy.IdleTimeout;
        var nis = http is null ? null : WorkspaceResolver.RouteNis(http);
        var today = BelgianTime.Today(time);
        var isActive = AccessQueries.IsActive(now);
        var protocolActive = ProtocolQueries.ActiveOn(today);
        var row = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionKey && s.EndedAt == null && s.ExpiresAt > now && s.LastSeenAt > idleSince)
            .Where(s => db.Users.Any(u => u.Id == s.UserId && u.DisabledAt == null))
            .Select(s => new
            {
                s.Ticket,
                s.LastSeenAt,
                s.UserId,
                Grants = db.Grants.Where(g => g.UserId == s.UserId).Where(isActive)
                    .Select(g => new ActiveGrant(g.Role, g.Municipality != null ? g.Municipality.NisCode : null)).ToList(),
                // Scalar subqueries on the unique NIS index (a joined collection would need APPLY, which SQLite lacks).
                WorkspaceId = db.Municipalities.Where(m => m.NisCode == nis).Select(m => (int?)m.Id).FirstOrDefault(),
                WorkspaceName = db.Municipalities.Where(m => m.NisCode == nis).Select(m => m.Name).FirstOrDefault(),
                WorkspaceActive = db.Protocols.Where(p => p.Municipality!.NisCode == nis).Any(protocolActive),
                WorkspaceTerms = db.Protocols.Where(p => p.Municipality!.NisCode == nis).Select(RetentionCutoff.TermOf).ToList(),
            })
            .SingleOrDefaultAsync(http?.RequestAborted ?? CancellationToken.None);
        if (row is null) return null;
        if (http is not null)
        {
            CurrentGrants.Prime(http, row.UserId, row.Grants);
            if (nis is not null)
            {
                WorkspaceResolver.Prime(http, row.WorkspaceId is { } id ? new WorkspaceMunicipality(id, nis, row.WorkspaceName!, row.WorkspaceActive, RetentionCutoff.From(id, row.WorkspaceTerms, today)) : null);
            }
        }

        return new LiveSession(row.Ticket, row.LastSeenAt);
    }
}
