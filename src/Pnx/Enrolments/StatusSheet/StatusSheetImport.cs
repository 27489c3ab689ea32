using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Exports;
using Pnx.Imports;
using Pnx.Municipalities;
using Pnx.Newcomers;

namespace Pnx.Enrolments.StatusSheet;

/// <summary>What an upload of the status sheet did, or would do (dry run), or why it was refused.</summary>
public sealed record StatusImportOutcome(int ExitCode, IReadOnlyList<string> Lines, IReadOnlyList<string> Errors, int Changed = 0, int Created = 0, int Unchanged = 0)
{
    public static StatusImportOutcome Rejected(IEnumerable<string> errors) => new(ExitCodes.Rejected, [], errors.ToList());
}

/// <summary>
/// The status sheet round trip of contract §7, for the CLI and the browser alike: read both sheets, refuse any
/// change to the shared data, then apply every row through <see cref="Enrolling"/> (so through
/// <see cref="EnrolmentRules"/> and the hard matching rules) inside ONE transaction: every problem is listed
/// and nothing is written, or everything is. A dry run does the same work and rolls it back.
/// </summary>
public static class StatusSheetImport
{
    public const int MaxProblems = 100;

    public static Task<StatusImportOutcome> RunAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, string path, bool dryRun, string actor, string? displayName, CancellationToken ct) =>
        RunAsync(db, time, workspace, StatusSheetFile.Read(path), dryRun, actor, displayName ?? Path.GetFileName(path), ct);

    /// <summary>The same import of a file held in memory (a staged upload).</summary>
    public static Task<StatusImportOutcome> RunAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, byte[] content, bool dryRun, string actor, string fileName, CancellationToken ct) =>
        RunAsync(db, time, workspace, StatusSheetFile.Read(content), dryRun, actor, fileName, ct);

    private static async Task<StatusImportOutcome> RunAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, (StatusWorkbook? Workbook, IReadOnlyList<ImportProblem> Problems) read,
        bool dryRun, string actor, string fileName, CancellationToken ct)
    {
        var (workbook, readProblems) = read;
        if (workbook is null) return Refuse(fileName, readProblems);

        var (entries, problems) = StatusSheetParser.Parse(workbook.Activities);
        if (workbook.Newcomers is { } newcomerSheet)
        {
            problems.AddRange(NewcomerSheetCheck.Check(newcomerSheet, await NewcomerExportRows.LoadAsync(db, workspace, ct)));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (changed, created, unchanged) = await ApplyAsync(db, time, workspace, entries, actor, problems, ct);
        if (problems.Count > 0)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return Refuse(fileName, problems);
        }

        var summary = Summary(workspace, changed, created, unchanged);
        if (dryRun)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return new StatusImportOutcome(ExitCodes.Done, [summary + " (dry run: nothing written)"], [], changed, created, unchanged);
        }

        await AuditTrail.AppendAsync(db, time, new AuditRecord(
            actor, "status.import", workspace.NisCode, entries.Select(e => e.DossierNumber).Distinct(StringComparer.Ordinal).ToList(), AuditPurposes.Steering,
            string.Create(CultureInfo.InvariantCulture, $"status sheet {fileName}: {changed} changed, {created} created, {unchanged} unchanged")), ct);
        await transaction.CommitAsync(ct);
        return new StatusImportOutcome(ExitCodes.Done, [summary], [], changed, created, unchanged);
    }

    public static string Summary(WorkspaceMunicipality workspace, int changed, int created, int unchanged) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{workspace.NisCode} {workspace.Name}: {changed} {(changed == 1 ? "status" : "statuses")} changed, {created} {(created == 1 ? "enrolment" : "enrolments")} created, {unchanged} unchanged");

    private static async Task<(int Changed, int Created, int Unchanged)> ApplyAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, List<StatusSheetEntry> entries, string actor, List<ImportProblem> problems, CancellationToken ct)
    {
        var current = CurrentNewcomers.Of(db, workspace.Retention);
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.MunicipalityId == workspace.Id && current.Any(n => n.Id == e.NewcomerId))
            .Select(e => new Existing(e.Id, e.Newcomer!.DossierNumber, e.ActivityId, e.Status, e.Reason, e.Hours, e.Version))
            .ToDictionaryAsync(e => e.Id, ct);
        var newcomers = (await current.AsNoTracking().Select(n => new { n.DossierNumber, n.Id }).ToListAsync(ct))
            .GroupBy(n => n.DossierNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);

        int changed = 0, created = 0, unchanged = 0;
        foreach (var entry in entries)
        {
            if (problems.Count > MaxProblems) break;
            if (entry.EnrolmentId is { } id)
            {
                switch (await ChangeAsync(db, time, workspace, entry, enrolments.GetValueOrDefault(id), actor, problems, ct))
                {
                    case Result.Changed: changed++; break;
                    case Result.Unchanged: unchanged++; break;
                    case Result.Stop: return (changed, created, unchanged);
                }

                continue;
            }

            if (!newcomers.TryGetValue(entry.DossierNumber, out var newcomerId))
            {
                problems.Add(new ImportProblem(entry.Row, StatusSheetColumns.DossierNumber, "is not a current newcomer of this municipality"));
                continue;
            }

            var proposed = await Enrolling.ProposeInTransactionAsync(db, time, workspace, newcomerId, entry.ActivityId, actor, ct);
            if (proposed.Kind == EnrolmentOutcomeKind.NotFound)
            {
                problems.Add(new ImportProblem(entry.Row, StatusSheetColumns.ActivityId, "is not an activity of this municipality's catalogue or shared with it"));
                continue;
            }

            if (!proposed.Succeeded)
            {
                problems.Add(new ImportProblem(entry.Row, StatusSheetColumns.ActivityId, proposed.Message!));
                continue;
            }

            created++;
            var enrolment = proposed.Enrolment!;
            var existing = new Existing(enrolment.Id, entry.DossierNumber, enrolment.ActivityId, enrolment.Status, enrolment.Reason, enrolment.Hours, enrolment.Version);
            if (await ChangeAsync(db, time, workspace, entry with { Status = entry.Status ?? EnrolmentStatus.Voorgesteld }, existing, actor, problems, ct) == Result.Stop)
            {
                return (changed, created, unchanged);
            }
        }

        return (changed, created, unchanged);
    }

    private enum Result
    {
        Changed,
        Unchanged,
        Refused,
        Stop,
    }

    private sealed record Existing(long Id, string DossierNumber, int ActivityId, EnrolmentStatus Status, StopReason? Reason, double? Hours, int Version);

    private static async Task<Result> ChangeAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, StatusSheetEntry entry, Existing? existing, string actor, List<ImportProblem> problems, CancellationToken ct)
    {
        if (existing is null)
        {
            // Another municipality's enrolment, or one of a withdrawn newcomer, is simply unknown here.
            problems.Add(new ImportProblem(entry.Row, StatusSheetColumns.EnrolmentId, "is not an enrolment of this municipality's current newcomers"));
            return Result.Refused;
        }

        if (!string.Equals(existing.DossierNumber, entry.DossierNumber, StringComparison.Ordinal))
        {
            problems.Add(new ImportProblem(entry.Row, StatusSheetColumns.DossierNumber, "does not belong to this enrolment; only Status, Reden and Uren may be changed (add a row without Inschrijving-ID to propose an activity)"));
            return Result.Refused;
        }

        if (existing.ActivityId != entry.ActivityId)
        {
            problems.Add(new ImportProblem(entry.Row, StatusSheetColumns.ActivityId, "does not belong to this enrolment; only Status, Reden and Uren may be changed (add a row without Inschrijving-ID to propose an activity)"));
            return Result.Refused;
        }

        var status = entry.Status!.Value;
        if (status == existing.Status && entry.Reason == existing.Reason && (entry.Hours ?? existing.Hours) == existing.Hours) return Result.Unchanged;

        var outcome = await Enrolling.ChangeInTransactionAsync(db, time, workspace, existing.Id, existing.Version, status, entry.Reason, entry.Hours, actor, ct);
        switch (outcome.Kind)
        {
            case EnrolmentOutcomeKind.Done:
                return Result.Changed;
            case EnrolmentOutcomeKind.Refused:
                problems.Add(new ImportProblem(entry.Row, ColumnOf(existing.Status, status, entry.Reason, entry.Hours), outcome.Message!));
                return Result.Refused;
            case EnrolmentOutcomeKind.NotFound:
                problems.Add(new ImportProblem(entry.Row, StatusSheetColumns.EnrolmentId, "is not an enrolment of this municipality's current newcomers"));
                return Result.Refused;
            default:
                // Someone changed it while the file was applied; the tracked change must not be retried, so stop here.
                problems.Add(new ImportProblem(entry.Row, StatusSheetColumns.EnrolmentId, outcome.Message!));
                return Result.Stop;
        }
    }

    /// <summary>The cell a refusal of <see cref="EnrolmentRules"/> is about, asked of the rules themselves: the status, else the reason, else the hours.</summary>
    private static string ColumnOf(EnrolmentStatus current, EnrolmentStatus next, StopReason? reason, double? hours)
    {
        if (next != current && !EnrolmentRules.CanMove(current, next)) return StatusSheetColumns.Status;
        if (EnrolmentRules.Check(current, next, reason, null) is not null) return StatusSheetColumns.Reason;
        return EnrolmentRules.Check(current, next, reason, hours) is not null ? StatusSheetColumns.Hours : StatusSheetColumns.Status;
    }

    private static StatusImportOutcome Refuse(string fileName, IEnumerable<ImportProblem> problems)
    {
        var ordered = problems.OrderBy(p => p.Row ?? 0).ToList();
        var lines = ordered.Take(MaxProblems).Select(p => p.Format(fileName)).ToList();
        if (ordered.Count > MaxProblems) lines.Add(string.Create(CultureInfo.InvariantCulture, $"{fileName}: ... and {ordered.Count - MaxProblems} more problems"));
        return StatusImportOutcome.Rejected(lines);
    }
}
