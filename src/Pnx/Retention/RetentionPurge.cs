using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Newcomers;

namespace Pnx.Retention;

/// <summary>
/// Removes the personal data of every newcomer past the date of any rule of §9 (<see cref="RetentionCutoff.Due"/>), with
/// one audit entry and one result per municipality and rule, and a deletion register line per newcomer. The set is
/// selected once, under the <see cref="NewcomerWriteLock"/> of the municipalities, and exactly those ids are erased and
/// audited in the same transaction. Idempotent: an erased newcomer is never due again, so a second run removes nothing,
/// and a run after days of downtime removes everyone whose date passed meanwhile, once.
/// </summary>
public static class RetentionPurge
{
    public sealed record MunicipalityResult(string NisCode, string Name, int Erased, RetentionRule Rule)
    {
        /// <summary>The line `pnx retention run` prints and the daily job logs.</summary>
        public string Line => string.Create(CultureInfo.InvariantCulture, $"{NisCode} {Name}: {Erased} erased ({Rule.Word()})");
    }

    /// <summary>The purge of every municipality, in its own transaction.</summary>
    public static async Task<IReadOnlyList<MunicipalityResult>> RunAsync(PnxDb db, TimeProvider time, string actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var municipalities = await db.Municipalities.Select(m => m.Id).ToListAsync(ct);
        await NewcomerWriteLock.AcquireAsync(db, municipalities, ct);
        var results = await EraseDueAsync(db, time, actor, municipalities, ct);
        await transaction.CommitAsync(ct);
        return results;
    }

    /// <summary>
    /// The purge of these municipalities inside the caller's transaction, which holds their <see cref="NewcomerWriteLock"/>
    /// (an import runs it first, so that it never confirms or updates a newcomer already past their date).
    /// </summary>
    public static async Task<IReadOnlyList<MunicipalityResult>> EraseDueAsync(
        PnxDb db, TimeProvider time, string actor, IReadOnlyCollection<int> municipalityIds, CancellationToken ct)
    {
        var today = BelgianTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var cutoffs = await RetentionCutoff.ForAllAsync(db, today, ct);
        var due = new List<(string NisCode, string Name, string DossierNumber, long Id, RetentionRule Rule)>();
        foreach (var id in municipalityIds.Order())
        {
            var cutoff = cutoffs[id];
            var rows = await db.Newcomers.AsNoTracking().Where(n => n.MunicipalityId == id).Where(cutoff.Due)
                .Select(n => new { n.Id, n.DossierNumber, n.CertificateDate, n.WithdrawnAt, n.LastConfirmedAt, n.Municipality!.NisCode, n.Municipality.Name })
                .ToListAsync(ct);
            due.AddRange(rows.Select(n => (n.NisCode, n.Name, n.DossierNumber, n.Id,
                RetentionRules.DeadlineOf(n.CertificateDate, n.WithdrawnAt, n.LastConfirmedAt, cutoff.Terms).Rule)));
        }

        var results = new List<MunicipalityResult>();
        var records = new List<AuditRecord>();
        foreach (var group in due.GroupBy(d => (d.NisCode, d.Name, d.Rule)).OrderBy(g => g.Key.NisCode, StringComparer.Ordinal).ThenBy(g => g.Key.Rule))
        {
            var ids = group.Select(d => d.Id).ToList();
            var erased = await NewcomerErasure.EraseAsync(db, ids, now, group.Key.Rule, ct);
            if (erased != ids.Count)
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Retention selected {ids.Count} newcomers but erased {erased}; nothing is erased."));
            var dossiers = group.Select(d => d.DossierNumber).Order(StringComparer.Ordinal).ToList();
            results.Add(new MunicipalityResult(group.Key.NisCode, group.Key.Name, dossiers.Count, group.Key.Rule));
            records.Add(new AuditRecord(actor, "retention.purge", group.Key.NisCode, dossiers, AuditPurposes.Retention,
                $"{dossiers.Count} erased ({group.Key.Rule.Word()})"));
        }

        await AuditTrail.AppendAsync(db, time, records, ct);
        return results;
    }
}
