using Pnx.Audit;
using Pnx.Data;

namespace Pnx.Exports;

/// <summary>
/// How every CLI export reaches its file: written to `PATH.partial`, then recorded and moved in one step, so the
/// read is recorded only when the file exists, and the file exists only when the read is recorded.
/// </summary>
public static class AuditedExportFile
{
    public static async Task WriteAsync(PnxDb db, TimeProvider time, string path, Action<string> write, AuditRecord record, CancellationToken ct)
    {
        var partial = path + ".partial";
        try
        {
            write(partial);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await AuditTrail.AppendAsync(db, time, record, ct);
            File.Move(partial, path, overwrite: true);
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
