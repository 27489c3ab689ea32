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

    private const int MaxProblems = 100;

    public static async Task<ImportOutcome> ApplyAsync(
        PnxDb db, TimeProvider time, IReadOnlyList<NewcomerRecord> records, ImportOptions options, string fileName, CancellationToken ct)
    {
        var today = BelgianTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var (groups, rowErrors) = GroupByMunicipality(records, options.Municipality, fileName);
        if (rowErrors.Count > 0) return ImportOutcome.Rejected(rowErrors);

        var municipalities = await db.Municipalities.AsNoTracking().Where(m => groups.Keys.Contains(m.NisCode)).ToDictionaryAsync(m => m.NisCode, ct);
        var refusals = await RefusalsAsync(db, groups.Keys, municipalities, today, fileName, ct);
        if (refusals.Count > 0) return ImportOutcome.Refused(refusals);

        if (options.DryRun)
        {
            var (plans, refused) = await PlanAsync(groups, municipalities, options, today, fileName, (m, rows) => ImportPlanner.StoredAsync(db, m, rows, ct));
            return refused ?? new ImportOutcome(ExitCodes.Done, [.. plans.Select(p => p.Summary()), "dry run: nothing was written"], [], plans);
        }

        // One connection throughout: on SQLite the staged rows live in its temporary tables.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // On SQLite the rows are copied in here, before the write transaction takes the one write lock.
            var staged = groups.SelectMany(g => g.Value.Where(r => !RetentionRules.HasEnded(r.CertificateDate, today)).Select(r => (municipalities[g.Key].Id, r)));
            await using var writer = await NewcomerBulkWriter.StageAsync(db, staged, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await NewcomerWriteLock.AcquireAsync(db, municipalities.Values.Select(m => m.Id), ct);
            refusals = await RefusalsAsync(db, groups.Keys, municipalities, today, fileName, ct);
            if (refusals.Count > 0) return ImportOutcome.Refused(refusals);

            // Whoever is past their retention date goes first: the file then shares them anew, it does not confirm them.
            await RetentionPurge.EraseDueAsync(db, time, options.Actor, [.. municipalities.Values.Select(m => m.Id)], ct);

            var (writePlans, massWithdrawal) = await PlanAsync(groups, municipalities, options, today, fileName, (m, rows) => writer.StoredAsync(m, rows, ct));
            if (massWithdrawal is not null) return massWithdrawal;

            SignalWriting();
            foreach (var plan in writePlans) await WriteAsync(db, writer, plan, now, ct);
            await AuditTrail.AppendAsync(db, time, writePlans.SelectMany(p => AuditRecords(p, options.Actor, fileName)).ToList(), ct);
            await transaction.CommitAsync(ct);
            Newcomers.ContactLanguages.Forget(db, municipalities.Values.Select(m => m.Id));
            return new ImportOutcome(ExitCodes.Done, [.. writePlans.Select(p => p.Summary())], [], writePlans);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The plans, or the mass-withdrawal refusal.</summary>
    private static async Task<(List<ImportPlan> Plans, ImportOutcome? Refused)> PlanAsync(
        Dictionary<string, List<NewcomerRecord>> groups, Dictionary<string, Municipality> municipalities, ImportOptions options, DateOnly today,
        string fileName, Func<Municipality, IReadOnlyList<NewcomerRecord>, Task<Dictionary<string, StoredNewcomer>>> storedAsync)
    {
        var plans = new List<ImportPlan>();
        foreach (var (nis, rows) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var municipality = municipalities[nis];
            plans.Add(ImportPlanner.Plan(municipality, rows, await storedAsync(municipality, rows), options.Mode, today));
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

    private static (Dictionary<string, List<NewcomerRecord>> Groups, List<string> Errors) GroupByMunicipality(
        IReadOnlyList<NewcomerRecord> records, string? defaultNis, string fileName)
    {
        var groups = new Dictionary<string, List<NewcomerRecord>>(StringComparer.Ordinal);
        var errors = new List<string>();
        if (defaultNis is null && records.All(r => r.MunicipalityNis is null))
        {
            errors.Add(ImportProblem.File($"no municipality: the file has no \"{NewcomerColumns.MunicipalityNis}\" values; give --municipality").Format(fileName));
            return (groups, errors);
        }

        foreach (var record in records)
        {
            var nis = record.MunicipalityNis ?? defaultNis;
            if (nis is null)
            {
                errors.Add(new ImportProblem(record.RowNumber, NewcomerColumns.MunicipalityNis,
                    "no municipality: fill the column or give --municipality").Format(fileName));
                continue;
            }

            if (defaultNis is not null && record.MunicipalityNis is not null && record.MunicipalityNis != defaultNis)
            {
                errors.Add(new ImportProblem(record.RowNumber, NewcomerColumns.MunicipalityNis,
                    $"\"{record.MunicipalityNis}\" differs from --municipality {defaultNis}").Format(fileName));
                continue;
            }

            if (!groups.TryGetValue(nis, out var list)) groups[nis] = list = [];
            list.Add(record);
        }

        return errors.Count <= MaxProblems
            ? (groups, errors)
            : (groups, [.. errors.Take(MaxProblems), ImportProblem.File($"... and {errors.Count - MaxProblems} more problems").Format(fileName)]);
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
        var written = plan.Creates.Select(r => r.DossierNumber).Concat(plan.Updates.Select(u => u.Record.DossierNumber)).Order(StringComparer.Ordinal).ToList();
        yield return new AuditRecord(actor, "import", nis, written, AuditPurposes.Exchange, $"{Path.GetFileName(fileName)}: {plan.Summary()[(nis.Length + plan.Municipality.Name.Length + 3)..]}");
        if (plan.Withdrawals.Count > 0)
            yield return new AuditRecord(actor, "withdrawal", nis, plan.Withdrawals.Select(w => w.DossierNumber).ToList(), AuditPurposes.Exchange, $"{plan.Withdrawals.Count} withdrawn by snapshot");
        if (plan.RetentionErasures.Count > 0)
            yield return new AuditRecord(actor, "retention.purge", nis, plan.RetentionErasures.Select(w => w.DossierNumber).Order(StringComparer.Ordinal).ToList(), AuditPurposes.Retention, $"{plan.RetentionErasures.Count} erased: retention ended");
    }
}
