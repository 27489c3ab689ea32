using System.CommandLine;
using Pnx.Cli;
using Pnx.Exports;

namespace Pnx.Retention;

/// <summary>`pnx retention run` and `pnx retention register --out PATH` (contract §9).</summary>
public static class RetentionCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Command("run", "Remove the personal data of every newcomer past the date of a retention rule.");
        run.SetAction(async (_, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var results = await RetentionPurge.RunAsync(db, context.Time, context.Actor, ct);
            foreach (var result in results) await context.Out.WriteLineAsync(result.Line);
            if (results.Count == 0) await context.Out.WriteLineAsync("nothing to erase");
            return ExitCodes.Done;
        });

        var output = new Option<string>("--out") { Description = "File to write", Required = true };
        var register = new Command("register", "Write the deletion register (CSV): Dossiernummer;NIS-code gemeente;Verwijderd op;Regel.") { output };
        register.SetAction(async (result, ct) =>
        {
            var path = result.GetRequiredValue(output);
            if (OutputPath.Problem("--out", path) is { } problem)
            {
                await context.Error.WriteLineAsync(problem);
                return ExitCodes.Rejected;
            }

            await using var db = await context.OpenDatabaseAsync(ct);
            var records = await DeletionRegister.LoadAsync(db, ct);
            await AuditedExportFile.WriteAsync(db, context.Time, path, partial =>
            {
                using var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                DeletionRegister.Write(stream, records);
                stream.Flush(flushToDisk: true);
            }, DeletionRegister.Audit(context.Actor, records), ct);
            await context.Out.WriteLineAsync($"{records.Count} removals written to {path}");
            return ExitCodes.Done;
        });
        return new Command("retention", "Retention of personal data and the deletion register (contract §9).") { run, register };
    }
}
