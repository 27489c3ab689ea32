using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;
using Pnx.Newcomers;
using Pnx.Protocols;
using Pnx.Retention;

namespace Pnx.Imports;

/// <summary>
/// Applies validated rows to the municipalities' workspaces: all of it in one transaction, or nothing.
/// Gates first (municipality, active protocol), then, under the <see cref="NewcomerWriteLock"/>, the plan
/// made on the data as they are, the mass-withdrawal guard, the writes and their audit entries. Two
/// imports of one municipality therefore end as if one ran after the other, on both engines.
/// </summary>
public static class ImportApplier
{
    /// <summary>Set only by <c>KilledImportTests</c>: a file this names is created when the writes begin.</summary>
    internal const string WriteSignalVariable = "PNX_TEST_SIGNAL_WRITE";

    public static Task<ImportOutcome> ApplyAsync(
        PnxDb db, TimeProvider time, IReadOnlyList<NewcomerRecord> records, ImportOptions options, string fileName, CancellationToken ct) =>
        ApplyAsync(db, time, NewcomerSource.Of(records), options, fileName, null, ct);

    public static async Task<ImportOutcome> ApplyAsync(
        PnxDb db, TimeProvider time, NewcomerSource source, ImportOptions options, string fileName, IImportProgress? progress, CancellationToken ct)
    {
        var today = BelgianTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.NisCode, ct);

        // One connection throughout: the staged rows live in its temporary tables.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // The rows are staged as they are read and validated, before the write transaction takes any lock.
            await using var writer = await NewcomerBulkWriter.CreateAsync(db, ct);
            var groups = new ImportGroups(options.Municipality, today);
            var problems = await source.DeliverAsync(async batch =>
            {
                foreach (var (nis, rows) in groups.Add(batch))
                {
                    if (municipalities.TryGetValue(nis, out var municipality)) await writer.StageAsync(municipality.Id, rows, ct);
                }
            }, ct);
            if (problems.Count > 0) return ImportOutcome.Rejected(problems.Select(p => p.Format(fileName)));
            if (groups.Problems(fileName) is { Count: > 0 } rowErrors) return ImportOutcome.Rejected(rowErrors);

            await writer.EndStagingAsync(ct);
            var refusals = await RefusalsAsync(db, groups.Rows.Keys, municipalities, today, fileName, ct);
            if (refusals.Count > 0) return ImportOutcome.Refused(refusals);
            progress?.Writing();

            // A dry run takes the same steps under the same lock and rolls them back, so it plans exactly what the real run would.
            var ids = groups.Rows.Keys.Select(nis => municipalities[nis].Id).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await NewcomerWriteLock.AcquireAsync(db, ids, ct);
            refusals = await RefusalsAsync(db, groups.Rows.Keys, municipalities, today, fileName, ct);
            if (refusals.Count > 0) return ImportOutcome.Refused(refusals);

            // Whoever is past their retention date goes first: the file then shares them anew, it does not confirm them.
            await RetentionPurge.EraseDueAsync(db, time, options.Actor, ids, ct);

            var (writePlans, massWithdrawal) = await PlanAsync(groups.Rows, municipalities, options, fileName, m => writer.StoredAsync(m, ct));
            if (options.DryRun)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear(); // what the rolled-back erasure added is gone from the database, so from the context too
                return massWithdrawal ?? new ImportOutcome(ExitCodes.Done, [.. writePlans.Select(p => p.Summary()), "dry run: nothing was written"], [], writePlans);
            }

            if (massWithdrawal is not null) return massWithdrawal;

            SignalWriting();
            await Newcomers.NewcomersStamp.WithTriggersSuspendedAsync(db, ids, async () =>
            {
                foreach (var plan in writePlans) await WriteAsync(db, writer, plan, now, ct);
            }, ct);
            await AuditTrail.AppendAsync(db, time, writePlans.SelectMany(p => AuditRecords(p, options.Actor, fileName)).ToList(), ct);
            await transaction.CommitAsync(ct);
            Newcomers.MunicipalityMemo.ForgetAll(db, municipalities.Values.Select(m => m.Id));
            await PlannerStatistics.RefreshAsync(db); // not cancellable: the import is committed
            return new ImportOutcome(ExitCodes.Done, [.. writePlans.Select(p => p.Summary())], [], writePlans);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The plans, or the mass-withdrawal refusal.</summary>
    private static async Task<(List<ImportPlan> Plans, ImportOutcome? Refused)> PlanAsync(
        Dictionary<string, List<ImportRow>> groups, Dictionary<string, Municipality> municipalities, ImportOptions options,
        string fileName, Func<Municipality, Task<Dictionary<string, StoredNewcomer>>> storedAsync)
    {
        var plans = new List<ImportPlan>();
        foreach (var (nis, rows) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var municipality = municipalities[nis];
            plans.Add(ImportPlanner.Plan(municipality, rows, await storedAsync(municipality), options.Mode));
        }

        var massive = plans.Where(ImportPlanner.IsMassWithdrawal).ToList();
        if (massive.Count == 0 || options.AllowMassWithdrawal) return (plans, null);
        return (plans, ImportOutcome.Refused(massive.Select(p =>
            $"{fileName}: this snapshot would withdraw {p.Withdrawals.Count} of the {p.ActiveBefore} newcomers of {p.Municipality.NisCode} {p.Municipality.Name}; " +
            "if that is intended, repeat with --allow-mass-withdrawal")));
    }

    private static async Task<List<string>> RefusalsAsync(
        PnxDb db, IEnumerable<string> nisCodes, Dictionary<string, Municipality> municipalities, DateOnly today, string fileName, CancellationToken ct)
    {
        var refusals = new List<string>();
        foreach (var nis in nisCodes.Order(StringComparer.Ordinal))
        {
            if (!municipalities.TryGetValue(nis, out var municipality))
                refusals.Add($"{fileName}: municipality {nis} is unknown; no data can be shared with it");
            else if (!await db.HasActiveProtocolAsync(municipality.Id, today, ct))
                refusals.Add($"{fileName}: municipality {nis} {municipality.Name} has no active protocol on {today:yyyy-MM-dd}; no data are shared with it");
        }

        return refusals;
    }

    private static void SignalWriting()
    {
        if (Environment.GetEnvironmentVariable(WriteSignalVariable) is { Length: > 0 } path) File.WriteAllText(path, "");
    }

    private static async Task WriteAsync(PnxDb db, NewcomerBulkWriter writer, ImportPlan plan, DateTime now, CancellationToken ct)
    {
        await writer.InsertAsync(plan.Municipality.Id, plan.Inserts, now, ct);
        await writer.UpdateAsync(plan.Municipality.Id, plan.Rewrites, now, ct);
        if (plan.Unchanged.Count > 0)
        {
            await db.Newcomers.WithIds(plan.Unchanged).ExecuteUpdateAsync(s => s.SetProperty(n => n.LastConfirmedAt, now), ct);
        }

        // Withdrawn newcomers leave the workspace at once: their personal data are erased in this transaction.
        var withdrawn = plan.Withdrawals.Select(w => w.Id).ToList();
        if (withdrawn.Count > 0)
        {
            await db.Newcomers.WithIds(withdrawn).ExecuteUpdateAsync(s => s.SetProperty(n => n.WithdrawnAt, now), ct);
            await NewcomerErasure.EraseAsync(db, withdrawn, now, RetentionRule.Withdrawal, ct);
        }

        var expired = plan.RetentionErasures.Select(w => w.Id).ToList();
        if (expired.Count > 0)
        {
            await NewcomerErasure.EraseAsync(db, expired, now, RetentionRule.Certificate, ct);
        }
    }

    private static IEnumerable<AuditRecord> AuditRecords(ImportPlan plan, string actor, string fileName)
    {
        var nis = plan.Municipality.NisCode;
        var written = plan.Creates.Select(r => r.DossierNumber).Concat(plan.Updates.Select(u => u.Row.DossierNumber)).Order(StringComparer.Ordinal).ToList();
        yield return new AuditRecord(actor, "import", nis, written, AuditPurposes.Exchange, $"{Path.GetFileName(fileName)}: {plan.Summary()[(nis.Length + plan.Municipality.Name.Length + 3)..]}");
        if (plan.Withdrawals.Count > 0)
            yield return new AuditRecord(actor, "withdrawal", nis, plan.Withdrawals.Select(w => w.DossierNumber).ToList(), AuditPurposes.Exchange, $"{plan.Withdrawals.Count} withdrawn by snapshot");
        if (plan.RetentionErasures.Count > 0)
            yield return new AuditRecord(actor, "retention.purge", nis, plan.RetentionErasures.Select(w => w.DossierNumber).Order(StringComparer.Ordinal).ToList(), AuditPurposes.Retention, $"{plan.RetentionErasures.Count} erased: retention ended");
    }
}
