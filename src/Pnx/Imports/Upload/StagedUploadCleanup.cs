using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Imports.Upload;

/// <summary>
/// Removes staged uploads older than <see cref="UploadStore.Lifetime"/> (run by the daily jobs), except those still
/// queued or being imported: their outcome goes on the row (an abandoned one is marked failed first, <see cref="UploadImportService"/>).
/// </summary>
public static class StagedUploadCleanup
{
    public static Task<int> RemoveExpiredAsync(PnxDb db, TimeProvider time, CancellationToken ct)
    {
        var before = time.GetUtcNow().UtcDateTime - UploadStore.Lifetime;
        return db.StagedUploads.Where(u => u.CreatedAt < before && !UploadStates.Running.Contains(u.State)).ExecuteDeleteAsync(ct);
    }
}
