using Microsoft.Data.Sqlite;
using Pnx.Hosting;

namespace Pnx.Backup;

/// <summary>
/// Restores into a staging folder beside the data folder (`DATA.restore-partial`) and moves the finished database
/// into the empty data folder last, so that a failed or killed restore never leaves a half-cleaned database where
/// `pnx serve` would open it.
/// </summary>
public sealed class SqliteRestoreTarget(PnxSettings settings) : IRestoreTarget
{
    private readonly string _staging = Path.TrimEndingDirectorySeparator(settings.DataDir) + ".restore-partial";

    public Task<string?> RefusalAsync(CancellationToken ct)
    {
        if (!Directory.Exists(settings.DataDir)) return Task.FromResult<string?>(null);
        var entries = Directory.EnumerateFileSystemEntries(settings.DataDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(5).ToList();
        return Task.FromResult(entries.Count == 0
            ? null
            : $"the data folder \"{settings.DataDir}\" is not empty (it holds {string.Join(", ", entries)}); a restore goes only into an empty data folder, so that it never overwrites a database.");
    }

    public async Task<PnxSettings> LoadAsync(string file, BackupManifest manifest, CancellationToken ct)
    {
        // A leftover of a restore that was killed: it never became the installation's database.
        if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
        Directory.CreateDirectory(_staging);
        var restored = settings with { DataDir = _staging };
        if (!await BackupArchive.ExtractDatabaseAsync(file, manifest, restored.SqlitePath, ct))
            throw new DamagedBackupException("the database copy in the backup is damaged (its SHA-256 differs from the manifest's)");
        return restored;
    }

    public Task PublishAsync(CancellationToken ct)
    {
        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(settings.DataDir);
        foreach (var path in Directory.EnumerateFiles(_staging))
        {
            File.Move(path, Path.Combine(settings.DataDir, Path.GetFileName(path)), overwrite: false);
        }

        Directory.Delete(_staging, recursive: true);
        return Task.CompletedTask;
    }

    public Task UndoAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
        return Task.CompletedTask;
    }
}
