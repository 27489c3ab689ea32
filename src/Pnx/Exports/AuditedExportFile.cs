using Pnx.Audit;
using Pnx.Data;

namespace Pnx.Exports;

/// <summary>
/// How every CLI export reaches its file: written to `PATH.partial`, then recorded and moved in one step, so the
/// read is recorded only when the file exists, and the file exists only when the read is recorded.
/// </summary>
public static class AuditedExportFile
{
    public static Task WriteAsync(PnxDb db, TimeProvider time, string path, Action<string> write, AuditRecord record, CancellationToken ct) =>
        WriteAsync(db, time, path, (partial, _) =>
        {
            write(partial);
            return Task.FromResult(record);
        }, overwrite: true, ct);

    /// <param name="write">Writes the partial file and returns the record of what it wrote.</param>
    /// <param name="overwrite">Whether an existing file at <paramref name="path"/> is replaced; when not, the move fails and nothing is recorded.</param>
    public static async Task WriteAsync(PnxDb db, TimeProvider time, string path, Func<string, CancellationToken, Task<AuditRecord>> write, bool overwrite, CancellationToken ct)
    {
        var partial = path + ".partial";
        try
        {
            File.Delete(partial);
            var record = await write(partial, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await AuditTrail.AppendAsync(db, time, record, ct);
            File.Move(partial, path, overwrite);
            try
            {
                await transaction.CommitAsync(CancellationToken.None);
            }
            catch
            {
                File.Delete(path);
                throw;
            }
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
