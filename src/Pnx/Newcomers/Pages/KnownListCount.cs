using Pnx.Data;
using Pnx.Retention;

namespace Pnx.Newcomers.Pages;

/// <summary>
/// The unfiltered list's count as this process last read it, with the municipality's <see cref="NewcomersStamp"/> read in
/// the same statement. The next view sends both back, and the database counts again only when the stamp has moved (a newcomer
/// added, withdrawn, erased, confirmed, by whichever process) or the retention cutoff is another (a new day): counting
/// reads up to <see cref="NewcomerFilter.MaxRows"/> + 1 index entries, most of a view's work in the database. So the count
/// is always exact (or "meer dan 10.000"), never a moment old. Kept per database and municipality, for the latest cutoff.
/// Filtered lists and searches are always counted.
/// </summary>
public static class KnownListCount
{
    /// <summary>A count is as good as its stamp, however old: the memo keeps it until it is replaced.</summary>
    private static readonly MunicipalityMemo<bool, (RetentionCutoff Cutoff, long Stamp, int Total)> Memo = new(TimeSpan.MaxValue);

    /// <summary>The count and stamp last read for this cutoff's municipality and day, if any.</summary>
    public static (long Stamp, int Total)? Find(PnxDb db, RetentionCutoff cutoff) =>
        Memo.TryGet(db, cutoff.MunicipalityId, true, out var known) && SameDay(known.Cutoff, cutoff) ? (known.Stamp, known.Total) : null;

    public static void Record(PnxDb db, RetentionCutoff cutoff, long stamp, int total) => Memo.Set(db, cutoff.MunicipalityId, true, (cutoff, stamp, total));

    private static bool SameDay(RetentionCutoff a, RetentionCutoff b) =>
        a.CertificateOnOrBefore == b.CertificateOnOrBefore && a.ConfirmedBefore == b.ConfirmedBefore;
}
