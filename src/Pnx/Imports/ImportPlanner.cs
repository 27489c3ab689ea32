using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Municipalities;
using Pnx.Newcomers;
using Pnx.Retention;

namespace Pnx.Imports;

/// <summary>
/// Compares the file with what each municipality holds and decides every row's fate. Runs under the
/// import's <see cref="NewcomerWriteLock"/>, so the plan is made on the data as the writes will find them.
/// </summary>
public static class ImportPlanner
{
    public static async Task<ImportPlan> PlanAsync(
        PnxDb db, Municipality municipality, IReadOnlyList<NewcomerRecord> records, ImportMode mode, DateOnly today, CancellationToken ct)
    {
        var existing = await db.Newcomers.AsNoTracking()
            .Where(n => n.MunicipalityId == municipality.Id)
            .ToDictionaryAsync(n => n.DossierNumber, StringComparer.Ordinal, ct);

        var plan = new ImportPlan(municipality) { ActiveBefore = existing.Values.Count(IsActive) };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            seen.Add(record.DossierNumber);
            existing.TryGetValue(record.DossierNumber, out var current);
            if (RetentionRules.HasEnded(record.CertificateDate, today))
            {
                plan.SkippedRetentionEnded.Add(record.DossierNumber);
                if (current is not null && IsActive(current)) plan.RetentionErasures.Add((current.Id, current.DossierNumber));
                continue;
            }

            if (current is null || !IsActive(current))
            {
                plan.Creates.Add(record);
                if (current is not null) plan.Revived[record.DossierNumber] = current.Id;
            }
            else if (NewcomerFields.SameValues(current, record.Values))
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
            plan.Withdrawals.AddRange(existing.Values
                .Where(e => IsActive(e) && !seen.Contains(e.DossierNumber))
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

    private static bool IsActive(Newcomer newcomer) => newcomer.WithdrawnAt == null && newcomer.ErasedAt == null;
}
