using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Newcomers;
using Pnx.Retention;

namespace Pnx.Backup;

/// <summary>
/// Removes again, right after a restore, everyone the deletion register lists who came back with the backup
/// (contract §9): their personal data and case work go through the same erasure as retention, with one
/// `restore.deletions` audit entry per municipality naming the dossier numbers. A person whose data were shared
/// again after their removal (confirmed by an import or push after that day) is in the backup for that reason and stays.
/// </summary>
public static class RestoreDeletions
{
    public sealed record MunicipalityResult(string NisCode, string? Name, int Removed);

    public static async Task<IReadOnlyList<MunicipalityResult>> RunAsync(
        PnxDb db, TimeProvider time, string actor, IReadOnlyList<Deletion> deletions, CancellationToken ct)
    {
        // The latest removal of each person counts: withdrawn, shared again, removed again.
        var latest = deletions
            .GroupBy(d => (d.NisCode, d.DossierNumber))
            .Select(g => g.MaxBy(d => d.DeletedOn)!)
            .ToDictionary(d => (d.NisCode, d.DossierNumber));
        var nisCodes = latest.Keys.Select(k => k.NisCode).Distinct().Order(StringComparer.Ordinal).ToList();
        var now = time.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => EF.Parameter(nisCodes).Contains(m.NisCode))
            .Select(m => new { m.Id, m.NisCode, m.Name })
            .ToListAsync(ct);
        await NewcomerWriteLock.AcquireAsync(db, municipalities.Select(m => m.Id), ct);

        var due = new List<(string NisCode, string DossierNumber, long Id, RetentionRule Rule)>();
        foreach (var municipality in municipalities)
        {
            var dossiers = latest.Keys.Where(k => k.NisCode == municipality.NisCode).Select(k => k.DossierNumber).ToList();
            var present = await db.Newcomers.AsNoTracking()
                .Where(n => n.MunicipalityId == municipality.Id && n.ErasedAt == null && EF.Parameter(dossiers).Contains(n.DossierNumber))
                .Select(n => new { n.Id, n.DossierNumber, n.LastConfirmedAt })
                .ToListAsync(ct);
            foreach (var newcomer in present)
            {
                var deletion = latest[(municipality.NisCode, newcomer.DossierNumber)];
                if (DateOnly.FromDateTime(BelgianTime.ToLocal(newcomer.LastConfirmedAt)) <= deletion.DeletedOn)
                    due.Add((municipality.NisCode, newcomer.DossierNumber, newcomer.Id, deletion.Rule));
            }
        }

        foreach (var byRule in due.GroupBy(d => d.Rule))
        {
            // The one erasure call: the register's rule goes along so that the removal is registered again under it.
            var ids = byRule.Select(d => d.Id).ToList();
            var erased = await NewcomerErasure.EraseAsync(db, ids, now, byRule.Key, ct);
            if (erased != ids.Count)
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Selected {ids.Count} newcomers to remove again but erased {erased}; nothing is erased."));
        }

        var results = new List<MunicipalityResult>();
        var records = new List<AuditRecord>();
        foreach (var nis in nisCodes)
        {
            var dossiers = due.Where(d => d.NisCode == nis).Select(d => d.DossierNumber).Order(StringComparer.Ordinal).ToList();
            results.Add(new MunicipalityResult(nis, municipalities.SingleOrDefault(m => m.NisCode == nis)?.Name, dossiers.Count));
            if (dossiers.Count > 0)
            {
                records.Add(new AuditRecord(actor, "restore.deletions", nis, dossiers, AuditPurposes.Retention,
                    string.Create(CultureInfo.InvariantCulture, $"{dossiers.Count} removed again after a restore, as the deletion register lists them")));
            }
        }

        await AuditTrail.AppendAsync(db, time, records, ct);
        await transaction.CommitAsync(ct);
        return results;
    }
}
