using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Audit.Viewer;

/// <summary>
/// The chain check as a DPO sees it. The whole chain is verified (<see cref="AuditVerifier"/>: one break anywhere
/// breaks every later link), but a municipal DPO reads only what concerns their own municipality: each break's seq,
/// and its reason only when the entry is their municipality's. <see cref="InScope"/> counts their own entries up to the head.
/// </summary>
public sealed record ChainReport(bool Intact, long Entries, AuditHead Head, int ExpectationsChecked, long? InScope, IReadOnlyList<ChainReport.Break> Breaks)
{
    /// <summary>A break at <paramref name="Seq"/>; <paramref name="Reason"/> is null when the entry is outside the reader's scope (or gone).</summary>
    public sealed record Break(long Seq, string? Reason);

    public static async Task<ChainReport> FromAsync(PnxDb db, AuditVerifier.Result result, string? scope, CancellationToken ct)
    {
        if (scope is null)
        {
            return new ChainReport(result.Intact, result.Entries, result.Head, result.ExpectationsChecked, null,
                result.Problems.Select(p => new Break(p.Seq, p.Reason)).ToList());
        }

        var seqs = result.Problems.Select(p => p.Seq).Distinct().ToList();
        var own = await db.AuditEntries.AsNoTracking().Where(e => seqs.Contains(e.Seq) && e.Municipality == scope).Select(e => e.Seq).ToListAsync(ct);
        var inScope = await db.AuditEntries.AsNoTracking().LongCountAsync(e => e.Municipality == scope && e.Seq <= result.Head.Seq, ct);
        return new ChainReport(result.Intact, result.Entries, result.Head, result.ExpectationsChecked, inScope,
            result.Problems.Select(p => new Break(p.Seq, own.Contains(p.Seq) ? p.Reason : null)).ToList());
    }

    /// <summary>For the audit.verify entry: ids and counts only.</summary>
    public string Describe() => Intact
        ? FormattableString.Invariant($"chain intact: {Entries} entries up to seq {Head.Seq}")
        : FormattableString.Invariant($"chain broken at seq {Breaks[0].Seq}; {Breaks.Count} problems");
}
