using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Cli;
using Pnx.Enrolments.StatusSheet;
using Pnx.Protocols;

namespace Pnx.Exports;

/// <summary>`pnx export --municipality NIS --format csv|xlsx --out PATH` (contract §5).</summary>
public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var municipality = new Option<string>("--municipality") { Description = "NIS code", Required = true };
        var format = new Option<string>("--format") { Description = "csv or xlsx", Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string>("--out") { Description = "File to write", Required = true };
        var command = new Command("export", "Export a municipality's current newcomers, in the import format.") { municipality, format, output };
        command.SetAction((result, ct) => ExportAsync(
            context,
            result.GetRequiredValue(municipality).Trim(),
            result.GetRequiredValue(format),
            result.GetRequiredValue(output),
            ct));
        return command;
    }

    private static async Task<int> ExportAsync(CliContext context, string nis, string format, string path, CancellationToken ct)
    {
        if (OutputPath.Problem("--out", path) is { } problem)
        {
            await context.Error.WriteLineAsync(problem);
            return ExitCodes.Rejected;
        }

        await using var db = await context.OpenDatabaseAsync(ct);
        var municipality = await Access.Web.WorkspaceResolver.LoadAsync(db, nis, context.Today, ct);
        if (municipality is null)
        {
            await context.Error.WriteLineAsync($"--municipality: no municipality with NIS code \"{nis}\".");
            return ExitCodes.Refused;
        }

        if (!municipality.HasActiveProtocol)
        {
            await context.Error.WriteLineAsync(
                $"{municipality.NisCode} {municipality.Name}: no active protocol on {context.Today:yyyy-MM-dd}; no data are shared outside an active protocol.");
            return ExitCodes.Refused;
        }

        var rows = await NewcomerExportRows.LoadAsync(db, municipality, ct);
        IReadOnlyList<StatusSheetRow> statuses = format == "xlsx" ? await StatusSheetRows.LoadAsync(db, municipality.Retention, ct) : [];
        await AuditedExportFile.WriteAsync(db, context.Time, path, partial => WriteFile(format, partial, rows, statuses, ct), new AuditRecord(
            context.Actor, "export", municipality.NisCode, rows.Select(r => r.DossierNumber).ToList(), AuditPurposes.Steering, $"{format}, {rows.Count} newcomers"), ct);

        await context.Out.WriteLineAsync($"{municipality.NisCode} {municipality.Name}: {rows.Count} newcomers exported to {path}");
        return ExitCodes.Done;
    }

    private static void WriteFile(string format, string partial, IReadOnlyList<NewcomerExportRow> rows, IReadOnlyList<StatusSheetRow> statuses, CancellationToken ct)
    {
        if (format == "xlsx")
        {
            XlsxNewcomerWriter.Write(partial, rows, statuses, ct);
            return;
        }

        using var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        CsvNewcomerWriter.Write(stream, rows, ct);
        stream.Flush(flushToDisk: true);
    }
}
