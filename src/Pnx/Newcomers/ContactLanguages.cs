using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Retention;

namespace Pnx.Newcomers;

/// <summary>
/// The contact languages present among a municipality's current newcomers: the list filter's closed list. A DISTINCT over
/// the whole municipality on every list view is what it used to cost, so it is kept in memory per database and municipality,
/// forgotten by this process's imports when they commit, and re-read at least every <see cref="Lifetime"/> (which bounds
/// how long an import by another process, a withdrawal or an erasure may go unseen; a stale choice only filters to fewer rows).
/// </summary>
public static class ContactLanguages
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<(string Database, int MunicipalityId), (long LoadedAt, IReadOnlyList<string> Codes)> Cache = new();

    public static async Task<IReadOnlyList<string>> OfAsync(PnxDb db, RetentionCutoff cutoff, CancellationToken ct)
    {
        var key = (Database(db), cutoff.MunicipalityId);
        var now = Environment.TickCount64;
        if (Cache.TryGetValue(key, out var entry) && now - entry.LoadedAt < Lifetime.TotalMilliseconds) return entry.Codes;
        var codes = await CurrentNewcomers.Of(db, cutoff).AsNoTracking()
            .Where(n => n.ContactLanguage != null).Select(n => n.ContactLanguage!).Distinct().ToListAsync(ct);
        Cache[key] = (now, codes);
        return codes;
    }

    /// <summary>Called when newcomers of these municipalities were written (an import, a push).</summary>
    public static void Forget(PnxDb db, IEnumerable<int> municipalityIds)
    {
        var database = Database(db);
        foreach (var id in municipalityIds) Cache.TryRemove((database, id), out _);
    }

    private static string Database(PnxDb db) => db.Database.GetConnectionString() ?? "";
}
