using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Municipalities;
using Pnx.Newcomers;
using Pnx.Retention;

namespace Pnx.Imports;

/// <summary>A newcomer the municipality holds, as the plan needs it.</summary>
/// <param name="Current">Neither withdrawn nor erased.</param>
/// <param name="SameAsFile">Its personal values equal those of the file's row with its dossier number.</param>
public sealed record StoredNewcomer(long Id, string DossierNumber, bool Current, bool SameAsFile);

/// <summary>
/// Compares the file with what each municipality holds and decides every row's fate. The applier reads
/// what is held under the import's <see cref="NewcomerWriteLock"/>, so the plan is made on the data as
/// the writes will find them.
/// </summary>
public static class ImportPlanner
{
    /// <summary>What the municipality holds, compared with the file's rows in memory.</summary>
    public static async Task<Dictionary<string, StoredNewcomer>> StoredAsync(
        PnxDb db, Municipality municipality, IReadOnlyList<NewcomerRecord> records, CancellationToken ct)
    {
        var file = records.ToDictionary(r => r.DossierNumber, StringComparer.Ordinal);
        var stored = await db.Newcomers.AsNoTracking().Where(n => n.MunicipalityId == municipality.Id).ToListAsync(ct);
        return stored.ToDictionary(
            n => n.DossierNumber,
            n => new StoredNewcomer(n.Id, n.DossierNumber, n.WithdrawnAt == null && n.ErasedAt == null,
                file.TryGetValue(n.DossierNumber, out var row) && NewcomerFields.SameValues(n, row.Values)),
            StringComparer.Ordinal);
    }

    public static ImportPlan Plan(
        Municipality municipality, IReadOnlyList<NewcomerRecord> records, IReadOnlyDictionary<string, StoredNewcomer> stored, ImportMode mode, DateOnly today)
    {
        var plan = new ImportPlan(municipality) { ActiveBefore = stored.Values.Count(e => e.Current) };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            seen.Add(record.DossierNumber);
            stored.TryGetValue(record.DossierNumber, out var current);
            if (RetentionRules.HasEnded(record.CertificateDate, today))
            {
                plan.SkippedRetentionEnded.Add(record.DossierNumber);
                if (current is { Current: true }) plan.RetentionErasures.Add((current.Id, current.DossierNumber));
                continue;
            }

            if (current is not { Current: true })
            {
                plan.Creates.Add(record);
                if (current is not null) plan.Revived[record.DossierNumber] = current.Id;
            }
            else if (current.SameAsFile)
            {
                plan.Unchanged.Add(current.Id);
            }
            else
            {
                plan.Updates.Add((current.Id, record));
            }
        }

        if (mode == ImportMode.Snapshot)
        {
            plan.Withdrawals.AddRange(stored.Values
                .Where(e => e.Current && !seen.Contains(e.DossierNumber))
                .OrderBy(e => e.DossierNumber, StringComparer.Ordinal)
                .Select(e => (e.Id, e.DossierNumber)));
        }

        return plan;
    }

    /// <summary>
    /// The mass-withdrawal guard (contract §4): a snapshot that would withdraw more than half of a
    /// municipality's newcomers, when it has at least 10, is most likely a truncated export.
    /// </summary>
    public static bool IsMassWithdrawal(ImportPlan plan) =>
        plan.ActiveBefore >= 10 && plan.Withdrawals.Count * 2 > plan.ActiveBefore;
}
