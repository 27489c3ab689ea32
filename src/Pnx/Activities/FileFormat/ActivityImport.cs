using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Imports;
using Pnx.Imports.Reading;
using Pnx.Municipalities;

namespace Pnx.Activities.FileFormat;

/// <summary>
/// The whole import of one activity file into one municipality's catalogue: read (the shared reader and its
/// guards), validate (contract §7), plan against the catalogue, apply. All of it in one transaction with its
/// audit entry, or nothing. Used by `pnx activity import` and the upload page.
/// </summary>
public static class ActivityImport
{
    public const string DryRunLine = "dry run: nothing was written";

    public static Task<ActivityImportOutcome> RunAsync(
        PnxDb db, TimeProvider time, Municipality municipality, string path, string fileName, bool dryRun, string actor, CancellationToken ct) =>
        RunAsync(db, time, municipality, NewcomerFileReader.Read(path, ActivityColumns.Sheet), fileName, dryRun, actor, ct);

    /// <summary>The same import of a file held in memory (a staged upload).</summary>
    public static Task<ActivityImportOutcome> RunAsync(
        PnxDb db, TimeProvider time, Municipality municipality, byte[] content, string fileName, bool dryRun, string actor, CancellationToken ct)
    {
        using var stream = new MemoryStream(content, writable: false);
        return RunAsync(db, time, municipality, NewcomerFileReader.Read(stream, ReaderLimits.Default, ActivityColumns.Sheet), fileName, dryRun, actor, ct);
    }

    private static async Task<ActivityImportOutcome> RunAsync(
        PnxDb db, TimeProvider time, Municipality municipality, ReadResult read, string fileName, bool dryRun, string actor, CancellationToken ct)
    {
        if (read.Table is null || read.Problems.Count > 0)
        {
            return ActivityImportOutcome.Rejected(read.Problems.Take(ActivityTableParser.MaxProblems).Select(p => ReaderTexts.ToDutch(p).Format(fileName)));
        }

        var parsed = ActivityTableParser.Parse(read.Table);
        if (!parsed.IsValid) return ActivityImportOutcome.Rejected(parsed.Problems.Select(p => p.Format(fileName)));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (plan, problems) = await ActivityImportPlanner.PlanAsync(db, municipality, parsed.Records, ct);
        if (problems.Count > 0) return ActivityImportOutcome.Rejected(problems.Select(p => p.Format(fileName)));
        if (dryRun) return new ActivityImportOutcome(ExitCodes.Done, [plan.Summary(), DryRunLine], [], plan);

        try
        {
            await ApplyAsync(db, time, plan, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ActivityImportOutcome.Rejected([$"{fileName}: een activiteit werd intussen in de browser gewijzigd; er werd niets weggeschreven, importeer het bestand opnieuw"]);
        }

        await AuditTrail.AppendAsync(db, time, new AuditRecord(actor, "activity.import", municipality.NisCode, [], AuditPurposes.Steering,
            $"{Path.GetFileName(fileName)}: {plan.Summary()[(municipality.NisCode.Length + municipality.Name.Length + 3)..]}{Ids(plan)}"), ct);
        await transaction.CommitAsync(ct);
        return new ActivityImportOutcome(ExitCodes.Done, [plan.Summary()], [], plan);
    }

    private static async Task ApplyAsync(PnxDb db, TimeProvider time, ActivityImportPlan plan, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var partners = await Partners.LoadAsync(db, ct);
        foreach (var record in plan.Creates)
        {
            var activity = new Activity
            {
                MunicipalityId = plan.Municipality.Id, Title = record.Values.Title, Organiser = record.Values.Organiser,
                CreatedAt = now, UpdatedAt = now, Version = 1,
            };
            record.Values.ApplyTo(activity);
            Partners.Sync(activity, partners.IdsOf(record.Values));
            db.Activities.Add(activity);
        }

        var ids = plan.Updates.Select(r => r.Id!.Value).ToList();
        var tracked = await db.Activities.Include(a => a.SharedWith)
            .Where(a => a.MunicipalityId == plan.Municipality.Id && ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        foreach (var record in plan.Updates)
        {
            var activity = tracked[record.Id!.Value];
            record.Values.ApplyTo(activity);
            Partners.Sync(activity, partners.IdsOf(record.Values));
            activity.UpdatedAt = now;
            activity.Version++;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Which activities changed, by id (the catalogue holds no personal data); capped so the entry stays small.</summary>
    private static string Ids(ActivityImportPlan plan)
    {
        var updated = plan.Updates.Select(r => r.Id!.Value).Order().ToList();
        if (updated.Count == 0) return "";
        var shown = string.Join(", ", updated.Take(50).Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return updated.Count > 50 ? $"; updated ids {shown}, ..." : $"; updated ids {shown}";
    }
}
