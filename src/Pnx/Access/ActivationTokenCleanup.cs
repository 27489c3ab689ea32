using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Access;

/// <summary>
/// Removes activation tokens that can no longer activate anything: used, or past their 24 hours. Only their
/// hashes were stored, but a spent hash has no reason to stay. Run by the daily jobs.
/// </summary>
public static class ActivationTokenCleanup
{
    public static Task<int> RemoveSpentAsync(PnxDb db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.ActivationTokens.Where(t => t.UsedAt != null || t.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }
}
