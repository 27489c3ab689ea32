using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Pnx.Activities.FileFormat;
using Pnx.Audit;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Exports;
using Pnx.Municipalities;

namespace Pnx.Activities;

/// <summary>
/// `pnx activity import --municipality NIS --file PATH [--dry-run]` and
/// `pnx activity export --municipality NIS --format csv|xlsx --out PATH` (contract §7). The catalogue holds no
/// personal data, so neither needs an active protocol.
/// </summary>
public static class ActivityCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("activity", "The activity catalogue of a municipality (contract §7).");
        command.Subcommands.Add(Import(context));
        command.Subcommands.Add(Export(context));
        return command;
    }

    private static Command Import(CliContext context)
    {
        var municipality = new Option<string>("--municipality") { Description = "NIS code of the catalogue's municipality", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "The activity file (CSV or .xlsx)", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and show what would happen; write nothing" };
        var command = new Command("import", "Create and update activities from a file, all or nothing.") { municipality, file, dryRun };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetRequiredValue(file);
            var (db, found, exit) = await OpenAsync(context, result.GetRequiredValue(municipality), ct);
            if (db is null) return exit;
            await using (db)
            {
                var outcome = await ActivityImport.RunAsync(db, context.Time, found!, path.FullName, path.Name, result.GetValue(dryRun), context.Actor, ct);
                foreach (var line in outcome.Lines) await context.Out.WriteLineAsync(line);
                foreach (var error in outcome.Errors) await context.Error.WriteLineAsync(error);
                return outcome.ExitCode;
            }
        });
        return command;
    }

    private static Command Export(CliContext context)
    {
        var municipality = new Option<string>("--municipality") { Description = "NIS code of the catalogue's municipality", Required = true };
        var format = new Option<string>("--format") { Description = "csv or xlsx", Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string>("--out") { Description = "File to write", Required = true };
        var command = new Command("export", "Write the municipality's own activities in the activity file format.") { municipality, format, output };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetRequiredValue(output);
            if (OutputPath.Problem("--out", path) is { } problem)
            {
                await context.Error.WriteLineAsync(problem);
                return ExitCodes.Rejected;
            }

            var (db, found, exit) = await OpenAsync(context, result.GetRequiredValue(municipality), ct);
            if (db is null) return exit;
            await using (db)
            {
                return await ExportAsync(context, db, found!, result.GetRequiredValue(format), path, ct);
            }
        });
        return command;
    }

    private static async Task<int> ExportAsync(CliContext context, PnxDb db, Municipality municipality, string format, string path, CancellationToken ct)
    {
        var rows = await ActivityExportRows.LoadAsync(db, municipality, ct);
        await AuditedExportFile.WriteAsync(db, context.Time, path, partial =>
        {
            using var stream = new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            ActivityFileWriter.Write(format, stream, rows, ct);
            stream.Flush(flushToDisk: true);
        }, new AuditRecord(context.Actor, "activity.export", municipality.NisCode, [], AuditPurposes.Steering, $"{format}, {rows.Count} activities"), ct);

        await context.Out.WriteLineAsync($"{municipality.NisCode} {municipality.Name}: {rows.Count} activities exported to {path}");
        return ExitCodes.Done;
    }

    /// <summary>The database and the municipality; a malformed NIS code is rejected (3), an unknown one is refused (4).</summary>
    private static async Task<(PnxDb? Db, Municipality? Municipality, int ExitCode)> OpenAsync(CliContext context, string nis, CancellationToken ct)
    {
        nis = nis.Trim();
        if (!MunicipalityCommands.NisCodePattern().IsMatch(nis))
        {
            await context.Error.WriteLineAsync($"--municipality: \"{nis}\" is not a NIS code (five digits).");
            return (null, null, ExitCodes.Rejected);
        }

        var db = await context.OpenDatabaseAsync(ct);
        var municipality = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.NisCode == nis, ct);
        if (municipality is not null) return (db, municipality, ExitCodes.Done);
        await db.DisposeAsync();
        await context.Error.WriteLineAsync($"--municipality: no municipality with NIS code \"{nis}\".");
        return (null, null, ExitCodes.Refused);
    }
}
