using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Imports;

/// <summary>
/// The whole import of one file: read, validate against the protocol and stage, a batch at a time, then
/// apply in one transaction. Used by the CLI and the web upload.
/// </summary>
public static class NewcomerImport
{
    public static Task<ImportOutcome> RunAsync(
        PnxDb db, TimeProvider time, string path, ImportOptions options, string? displayName = null, CancellationToken ct = default) =>
        RunAsync(db, time, path, options, displayName, null, ct);

    /// <param name="progress">Told how far the import has come (the CLI's progress bar on a terminal).</param>
    public static async Task<ImportOutcome> RunAsync(
        PnxDb db, TimeProvider time, string path, ImportOptions options, string? displayName, IImportProgress? progress, CancellationToken ct)
    {
        var fileName = displayName ?? Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return ImportOutcome.Rejected([ImportProblem.File("the file does not exist or cannot be read").Format(fileName)]);
        }

        var source = new NewcomerFileSource(path, BelgianTime.Today(time), progress);
        return await ImportApplier.ApplyAsync(db, time, source, options, fileName, progress, ct);
    }

    /// <summary>The same import of a file held in memory (a staged upload); <paramref name="fileName"/> names it in messages.</summary>
    /// <param name="progress">Told how far the import has come (the upload page's progress bar).</param>
    public static async Task<ImportOutcome> RunAsync(
        PnxDb db, TimeProvider time, byte[] content, string fileName, ImportOptions options, IImportProgress? progress, CancellationToken ct)
    {
        var source = NewcomerFileSource.Of(content, BelgianTime.Today(time), progress);
        return await ImportApplier.ApplyAsync(db, time, source, options, fileName, progress, ct);
    }
}
