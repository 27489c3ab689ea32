using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Retention;

namespace Pnx.Newcomers.Pages;

/// <summary>
/// The workspaces whose current newcomers the unfiltered list counted at more than <see cref="NewcomerFilter.MaxRows"/> a
/// moment ago. Such a list says "meer dan 10.000" whatever the exact number, so its next views skip the count (10,001
/// index entries read on every view, a quarter of a large municipality's list view) until this process imports
/// (<see cref="Forget"/>) or <see cref="Lifetime"/> passes, which bounds how long a change by another process (an import,
/// withdrawals, erasures) can leave "meer dan 10.000" standing for a municipality that shrank below it. Kept per database,
/// municipality and retention cutoff (a new day is a new cutoff, counted again). Filtered lists and searches are always counted.
/// </summary>
public static class CountedBeyondLimit
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<(string Database, int MunicipalityId, DateOnly CertificateOnOrBefore, DateTime ConfirmedBefore), long> CountedAt = new();

    /// <summary>Whether the list of this workspace was counted beyond the limit less than <see cref="Lifetime"/> ago.</summary>
    public static bool Holds(PnxDb db, RetentionCutoff cutoff) =>
        CountedAt.TryGetValue(Key(db, cutoff), out var at) && Environment.TickCount64 - at < Lifetime.TotalMilliseconds;

    /// <summary>Records what a count found: beyond the limit, or not (then the next view counts again).</summary>
    public static void Record(PnxDb db, RetentionCutoff cutoff, int total)
    {
        if (total > NewcomerFilter.MaxRows) CountedAt[Key(db, cutoff)] = Environment.TickCount64;
        else CountedAt.TryRemove(Key(db, cutoff), out _);
    }

    /// <summary>Called when newcomers of these municipalities were written (an import).</summary>
    public static void Forget(PnxDb db, IEnumerable<int> municipalityIds)
    {
        var database = Database(db);
        var ids = municipalityIds.ToHashSet();
        foreach (var key in CountedAt.Keys.Where(k => k.Database == database && ids.Contains(k.MunicipalityId))) CountedAt.TryRemove(key, out _);
    }

    private static (string, int, DateOnly, DateTime) Key(PnxDb db, RetentionCutoff cutoff) =>
        (Database(db), cutoff.MunicipalityId, cutoff.CertificateOnOrBefore, cutoff.ConfirmedBefore);

    private static string Database(PnxDb db) => db.Database.GetConnectionString() ?? "";
}
