using Pnx.Data;
using Pnx.Retention;

namespace Pnx.Newcomers.Pages;

/// <summary>
/// The workspaces whose current newcomers the unfiltered list counted at more than <see cref="NewcomerFilter.MaxRows"/> a
/// moment ago. Such a list says "meer dan 10.000" whatever the exact number, so its next views skip the count (10,001
/// index entries read on every view, a quarter of a large municipality's list view) until this process imports
/// (<see cref="MunicipalityMemo{TKey, TValue}"/>) or <see cref="Lifetime"/> passes, which bounds how long a change by another
/// process (an import, withdrawals, erasures) can leave "meer dan 10.000" standing for a municipality that shrank below it.
/// Kept per database, municipality and retention cutoff (a new day is a new cutoff, counted again). Filtered lists and
/// searches are always counted.
/// </summary>
public static class CountedBeyondLimit
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private static readonly MunicipalityMemo<(DateOnly CertificateOnOrBefore, DateTime ConfirmedBefore), bool> Memo = new(Lifetime);

    /// <summary>Whether the list of this workspace was counted beyond the limit less than <see cref="Lifetime"/> ago.</summary>
    public static bool Holds(PnxDb db, RetentionCutoff cutoff) => Memo.TryGet(db, cutoff.MunicipalityId, Key(cutoff), out _);

    /// <summary>Records what a count found: beyond the limit, or not (then the next view counts again).</summary>
    public static void Record(PnxDb db, RetentionCutoff cutoff, int total)
    {
        if (total > NewcomerFilter.MaxRows) Memo.Set(db, cutoff.MunicipalityId, Key(cutoff), true);
        else Memo.Remove(db, cutoff.MunicipalityId, Key(cutoff));
    }

    private static (DateOnly, DateTime) Key(RetentionCutoff cutoff) => (cutoff.CertificateOnOrBefore, cutoff.ConfirmedBefore);
}
