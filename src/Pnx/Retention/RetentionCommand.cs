using System.CommandLine;
using Pnx.Cli;

namespace Pnx.Retention;

/// <summary>`pnx retention run`.</summary>
public static class RetentionCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Command("run", "Erase personal data whose retention ended, and of withdrawn newcomers.");
        run.SetAction(async (_, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var results = await RetentionPurge.RunAsync(db, context.Time, context.Actor, ct);
            foreach (var result in results)
            {
                await context.Out.WriteLineAsync(result.Line);
            }

            if (results.Count == 0) await context.Out.WriteLineAsync("nothing to erase");
            return ExitCodes.Done;
        });
        return new Command("retention", "Retention of personal data (protocol art. 3).") { run };
    }
}
