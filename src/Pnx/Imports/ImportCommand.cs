using System.CommandLine;
using Pnx.Cli;
using Pnx.Municipalities;

namespace Pnx.Imports;

/// <summary>`pnx import --file PATH [--municipality NIS] [--mode snapshot|upsert] [--dry-run] [--allow-mass-withdrawal]` (contract §4).</summary>
public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Option<FileInfo>("--file") { Description = "The agency's export (CSV or .xlsx)", Required = true };
        var municipality = new Option<string?>("--municipality") { Description = "NIS code, when the file has no 'NIS-code gemeente' column" };
        var mode = new Option<string>("--mode") { Description = "snapshot (default) or upsert", DefaultValueFactory = _ => "snapshot" };
        mode.AcceptOnlyFromAmong("snapshot", "upsert");
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and show what would happen; write nothing" };
        var allowMass = new Option<bool>("--allow-mass-withdrawal") { Description = "Allow a snapshot to withdraw more than half of a municipality's newcomers" };
        var command = new Command("import", "Import the agency's export of newcomers.") { file, municipality, mode, dryRun, allowMass };
        command.SetAction(async (result, ct) =>
        {
            var nis = result.GetValue(municipality)?.Trim();
            if (nis is not null && !MunicipalityCommands.NisCodePattern().IsMatch(nis))
            {
                await context.Error.WriteLineAsync($"--municipality: \"{nis}\" is not a NIS code (five digits).");
                return ExitCodes.Usage;
            }

            var options = new ImportOptions(
                nis,
                result.GetValue(mode) == "upsert" ? ImportMode.Upsert : ImportMode.Snapshot,
                result.GetValue(dryRun),
                result.GetValue(allowMass),
                context.Actor);
            await using var db = await context.OpenDatabaseAsync(ct);
            // A progress bar on a terminal only; when stderr is redirected, the verb prints only its result.
            var bar = context.Error == Console.Error ? ProgressBar.ForStandardError() : null;
            ImportOutcome outcome;
            try
            {
                outcome = await NewcomerImport.RunAsync(db, context.Time, result.GetRequiredValue(file).FullName, options, null, bar is null ? null : new ImportProgressBar(bar), ct);
            }
            finally
            {
                bar?.Clear();
            }

            foreach (var line in outcome.Lines) await context.Out.WriteLineAsync(line);
            foreach (var error in outcome.Errors) await context.Error.WriteLineAsync(error);
            return outcome.ExitCode;
        });
        return command;
    }
}
