using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Pnx.Cli;
using Pnx.Enrolments.StatusSheet;
using Pnx.Municipalities;
using Pnx.Protocols;

namespace Pnx.Enrolments;

/// <summary>`pnx status import --municipality NIS --file PATH [--dry-run]` (contract §7, the status sheet).</summary>
public static class StatusCommands
{
    public static Command Create(CliContext context)
    {
        var municipality = new Option<string>("--municipality") { Description = "NIS code of the municipality whose statuses these are", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "The .xlsx export with its sheet Activiteiten filled in", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and show what would happen; write nothing" };
        var import = new Command("import", "Apply the status sheet of an .xlsx export: every change through the status rules, all or nothing.") { municipality, file, dryRun };
        import.SetAction((result, ct) => ImportAsync(
            context, result.GetRequiredValue(municipality).Trim(), result.GetRequiredValue(file).FullName, result.GetValue(dryRun), ct));
        return new Command("status", "Enrolment statuses from the status sheet (contract §7).") { import };
    }

    private static async Task<int> ImportAsync(CliContext context, string nis, string path, bool dryRun, CancellationToken ct)
    {
        if (!MunicipalityCommands.NisCodePattern().IsMatch(nis))
        {
            await context.Error.WriteLineAsync($"--municipality: \"{nis}\" is not a NIS code (five digits).");
            return ExitCodes.Usage;
        }

        await using var db = await context.OpenDatabaseAsync(ct);
        var workspace = await Access.Web.WorkspaceResolver.LoadAsync(db, nis, context.Today, ct);
        if (workspace is null)
        {
            await context.Error.WriteLineAsync($"--municipality: no municipality with NIS code \"{nis}\".");
            return ExitCodes.Refused;
        }

        if (!workspace.HasActiveProtocol)
        {
            await context.Error.WriteLineAsync(
                $"{workspace.NisCode} {workspace.Name}: no active protocol on {context.Today:yyyy-MM-dd}; statuses are exchanged only under an active protocol.");
            return ExitCodes.Refused;
        }

        var outcome = await StatusSheetImport.RunAsync(db, context.Time, workspace, path, dryRun, context.Actor, null, ct);
        foreach (var line in outcome.Lines) await context.Out.WriteLineAsync(line);
        foreach (var error in outcome.Errors) await context.Error.WriteLineAsync(error);
        return outcome.ExitCode;
    }
}
