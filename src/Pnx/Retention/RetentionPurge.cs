using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Newcomers;

namespace Pnx.Retention;

/// <summary>
/// Erases personal data whose retention ended, and of withdrawn newcomers; one audit entry per municipality.
/// The set is selected once, under the <see cref="NewcomerWriteLock"/> of every municipality, and exactly
/// those ids are erased and audited in the same transaction.
/// </summary>
public static class RetentionPurge
{
    public sealed record MunicipalityResult(string NisCode, string Name, int Erased);

    public static async Task<IReadOnlyList<MunicipalityResult>> RunAsync(PnxDb db, TimeProvider time, string actor, CancellationToken ct)
    {
        var today = BelgianTime.Today(time);
        var threshold = RetentionRules.EndedOnOrBefore(today);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await NewcomerWriteLock.AcquireAsync(db, await db.Municipalities.Select(m => m.Id).ToListAsync(ct), ct);
        var due = await db.Newcomers
            .Where(n => n.ErasedAt == null && (n.WithdrawnAt != null || n.CertificateDate <= threshold))
            .Select(n => new { n.Id, n.Municipality!.NisCode, n.Municipality.Name, n.DossierNumber })
            .ToListAsync(ct);
        var erased = await NewcomerErasure.EraseAsync(db, [.. due.Select(d => d.Id)], now, ct);
        if (erased != due.Count)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Retention selected {due.Count} newcomers but erased {erased}; nothing is erased."));

        var results = new List<MunicipalityResult>();
        var records = new List<AuditRecord>();
        foreach (var group in due.GroupBy(s => (s.NisCode, s.Name)).OrderBy(g => g.Key.NisCode, StringComparer.Ordinal))
        {
            var dossiers = group.Select(s => s.DossierNumber).Order(StringComparer.Ordinal).ToList();
            results.Add(new MunicipalityResult(group.Key.NisCode, group.Key.Name, dossiers.Count));
            records.Add(new AuditRecord(actor, "retention.purge", group.Key.NisCode, dossiers, AuditPurposes.Retention, $"{dossiers.Count} erased"));
        }

        await AuditTrail.AppendAsync(db, time, records, ct);
        await transaction.CommitAsync(ct);
        return results;
    }
}
