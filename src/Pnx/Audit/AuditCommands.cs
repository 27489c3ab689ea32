using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Cli;

namespace Pnx.Audit;

/// <summary>`pnx audit verify [--expect SEQ:HASH]`, `pnx audit head` and `pnx audit export --out PATH` (contract §6).</summary>
public static class AuditCommands
{
    /// <summary>More problems than this are counted, not listed: after a rollback every later witness line fails.</summary>
    private const int ProblemsListed = 20;

    public static Command Create(CliContext context)
    {
        var expect = new Option<string[]>("--expect")
        {
            Description = "SEQ:HASH of an entry the chain must still hold, as `pnx audit head` printed it (may be repeated)",
            Arity = ArgumentArity.OneOrMore,
        };
        var verify = new Command("verify", "Check the hash chain of the audit trail, and that it still holds the witnessed heads.") { expect };
        verify.SetAction((result, ct) => VerifyAsync(context, result.GetValue(expect) ?? [], ct));
        var head = new Command("head", "Print the newest entry as SEQ HASH, for a witness to keep outside the system.");
        head.SetAction((_, ct) => HeadAsync(context, ct));
        var outPath = new Option<FileInfo>("--out") { Description = "JSON Lines file to write", Required = true };
        var export = new Command("export", "Write the audit trail as JSON Lines, oldest first.") { outPath };
        export.SetAction((result, ct) => ExportAsync(context, result.GetRequiredValue(outPath), ct));
        return new Command("audit", "The tamper-evident audit trail.") { verify, head, export };
    }

    private static async Task<int> VerifyAsync(CliContext context, string[] values, CancellationToken ct)
    {
        var expectations = new List<AuditExpectation>();
        foreach (var value in values)
        {
            if (!AuditExpectation.TryParse(value, "--expect " + value.Trim(), out var expectation))
            {
                await context.Error.WriteLineAsync($"--expect: \"{value}\" is not SEQ:HASH (a whole number, a colon and the 64 hexadecimal characters of the hash, as `pnx audit head` prints them).");
                return ExitCodes.Usage;
            }

            expectations.Add(expectation);
        }

        var witnessPath = context.Settings.AuditWitnessPath;
        var witness = await AuditWitnessFile.ReadAsync(witnessPath, ct);
        foreach (var problem in witness.Problems) await context.Error.WriteLineAsync("audit witness file: " + problem);
        expectations.AddRange(witness.Heads);

        await using var db = await context.OpenDatabaseAsync(ct);
        var result = await AuditVerifier.VerifyAsync(db, expectations, ct);
        if (result.Intact)
        {
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit trail intact: {result.Entries} entries, head {result.Head.Line}"));
            if (expectations.Count > 0)
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"expected entries held: {expectations.Count - witness.Heads.Count} from --expect, {witness.Heads.Count} from {witnessPath}"));
            }

            return ExitCodes.Done;
        }

        foreach (var problem in result.Problems.Take(ProblemsListed))
        {
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit trail broken at seq {problem.Seq}: {problem.Reason}"));
        }

        if (result.Problems.Count > ProblemsListed)
        {
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"... and {result.Problems.Count - ProblemsListed} more problems"));
        }

        return ExitCodes.IntegrityFailed;
    }

    private static async Task<int> HeadAsync(CliContext context, CancellationToken ct)
    {
        await using var db = await context.OpenDatabaseAsync(ct);
        var head = await AuditHead.ReadAsync(db, ct);
        await context.Out.WriteLineAsync(head.Line);
        return ExitCodes.Done;
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
