using Pnx.Data;
using Pnx.Hosting;
using Pnx.Imports.Reading;
using Pnx.Imports.Validation;

namespace Pnx.Imports;

/// <summary>The whole import of one file: read, validate against the protocol, apply. Used by the CLI and the web upload.</summary>
public static class NewcomerImport
{
    public static async Task<ImportOutcome> RunAsync(PnxDb db, TimeProvider time, string path, ImportOptions options, string? displayName = null, CancellationToken ct = default)
    {
        var fileName = displayName ?? Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return ImportOutcome.Rejected([ImportProblem.File("the file does not exist or cannot be read").Format(fileName)]);
        }

        return await RunAsync(db, time, NewcomerFileReader.Read(path), fileName, options, ct);
    }

    /// <summary>The same import of a file held in memory (a staged upload); <paramref name="fileName"/> names it in messages.</summary>
    public static async Task<ImportOutcome> RunAsync(PnxDb db, TimeProvider time, byte[] content, string fileName, ImportOptions options, CancellationToken ct)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await RunAsync(db, time, NewcomerFileReader.Read(stream), fileName, options, ct);
    }

    private static async Task<ImportOutcome> RunAsync(PnxDb db, TimeProvider time, ReadResult read, string fileName, ImportOptions options, CancellationToken ct)
    {
        if (read.Table is null || read.Problems.Count > 0)
        {
            return ImportOutcome.Rejected(read.Problems.Take(NewcomerTableParser.MaxProblems).Select(p => p.Format(fileName)));
        }

        var parsed = NewcomerTableParser.Parse(read.Table, BelgianTime.Today(time));
        if (!parsed.IsValid)
        {
            return ImportOutcome.Rejected(parsed.Problems.Select(p => p.Format(fileName)));
        }

        return await ImportApplier.ApplyAsync(db, time, parsed.Records, options, fileName, ct);
    }
}
