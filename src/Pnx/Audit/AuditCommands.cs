using System.CommandLine;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Cli;

namespace Pnx.Audit;

/// <summary>`pnx audit verify` and `pnx audit export --out PATH` (contract §6).</summary>
public static class AuditCommands
{
    public static Command Create(CliContext context)
    {
        var verify = new Command("verify", "Check the hash chain of the audit trail.");
        verify.SetAction((_, ct) => VerifyAsync(context, ct));
        var outPath = new Option<FileInfo>("--out") { Description = "JSON Lines file to write", Required = true };
        var export = new Command("export", "Write the audit trail as JSON Lines, oldest first.") { outPath };
        export.SetAction((result, ct) => ExportAsync(context, result.GetRequiredValue(outPath), ct));
        return new Command("audit", "The tamper-evident audit trail.") { verify, export };
    }

    private static async Task<int> VerifyAsync(CliContext context, CancellationToken ct)
    {
        await using var db = await context.OpenDatabaseAsync(ct);
        var result = await AuditVerifier.VerifyAsync(db, ct);
        if (result.Intact)
        {
            await context.Out.WriteLineAsync($"audit trail intact: {result.Entries} entries");
            return ExitCodes.Done;
        }

        await context.Error.WriteLineAsync($"audit trail broken at seq {result.FirstBadSeq}: {result.Reason}");
        return ExitCodes.IntegrityFailed;
    }

    private static async Task<int> ExportAsync(CliContext context, FileInfo outFile, CancellationToken ct)
    {
        if (OutputPath.Problem("--out", outFile.FullName) is { } problem)
        {
            await context.Error.WriteLineAsync(problem);
            return ExitCodes.Rejected;
        }

        await using var db = await context.OpenDatabaseAsync(ct);
        var temporary = outFile.FullName + ".partial";
        long count = 0;
        await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.NewLine = "\n";
            await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
            {
                await writer.WriteLineAsync(AuditHash.ExportLine(entry));
                count++;
            }
        }

        File.Move(temporary, outFile.FullName, overwrite: true);
        await context.Out.WriteLineAsync($"{count} audit entries written to {outFile.FullName}");
        return ExitCodes.Done;
    }
}
