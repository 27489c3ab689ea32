using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Sessions;

/// <summary>
/// Removes sessions that can no longer be used (signed out, past their 8 hours, or idle past 20 minutes) once
/// <see cref="Grace"/> has passed, so that a recent sign-out can still be looked into. Run by the daily jobs.
/// </summary>
public static class SessionCleanup
{
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    public static Task<int> RemoveEndedAsync(PnxDb db, TimeProvider time, CancellationToken ct)
    {
        var before = time.GetUtcNow().UtcDateTime - Grace;
        var idleBefore = before - SessionPolicy.IdleTimeout;
        return db.UserSessions
            .Where(s => s.EndedAt < before || s.ExpiresAt < before || s.LastSeenAt < idleBefore)
            .ExecuteDeleteAsync(ct);
    }
}
