using Pnx.Data;
using Pnx.Hosting;
using Pnx.Imports.Reading;
using Pnx.Imports.Validation;

namespace Pnx.Imports.Upload;

/// <summary>
/// Read → parse → apply, the same pipeline and messages as `pnx import`, for a file uploaded through
/// the web. Every problem of reading or parsing rejects the whole file before the database is touched.
/// </summary>
public static class UploadImport
{
    public static async Task<ImportOutcome> RunAsync(
        PnxDb db, TimeProvider time, string path, string fileName, ImportOptions options, CancellationToken ct)
    {
        var read = NewcomerFileReader.Read(path);
        if (read.Table is null || read.Problems.Count > 0)
            return ImportOutcome.Rejected(read.Problems.Take(NewcomerTableParser.MaxProblems).Select(p => p.Format(fileName)));

        var parsed = NewcomerTableParser.Parse(read.Table, BelgianTime.Today(time));
        if (!parsed.IsValid)
            return ImportOutcome.Rejected(parsed.Problems.Select(p => p.Format(fileName)));

        return await ImportApplier.ApplyAsync(db, time, parsed.Records, options, fileName, ct);
    }
}
