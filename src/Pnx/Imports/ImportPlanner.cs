using Pnx.Municipalities;

namespace Pnx.Imports;

/// <summary>A newcomer the municipality holds, as the plan needs it.</summary>
/// <param name="Current">Neither withdrawn nor erased.</param>
/// <param name="SameAsFile">Its personal values equal those of the file's row with its dossier number.</param>
public sealed record StoredNewcomer(long Id, string DossierNumber, bool Current, bool SameAsFile);

/// <summary>
/// Compares the file with what each municipality holds and decides every row's fate. The applier reads
/// what is held (<see cref="NewcomerBulkWriter.StoredAsync"/>) under the import's <see cref="Newcomers.NewcomerWriteLock"/>,
/// so the plan is made on the data as the writes will find them.
/// </summary>
public static class ImportPlanner
{
    public static ImportPlan Plan(
        Municipality municipality, IReadOnlyList<ImportRow> records, IReadOnlyDictionary<string, StoredNewcomer> stored, ImportMode mode)
    {
        var plan = new ImportPlan(municipality) { ActiveBefore = stored.Values.Count(e => e.Current) };
        // Only what the municipality holds can be withdrawn, so only those of its dossier numbers the file names are
        // remembered: a first import of a million rows keeps no second set of them.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (stored.TryGetValue(record.DossierNumber, out var current)) seen.Add(record.DossierNumber);
            if (record.RetentionEnded)
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
