using Pnx.Hosting;

namespace Pnx.Backup;

/// <summary>
/// Where a restore goes: an empty data folder (SQLite) or an empty database (PostgreSQL). The restore is loaded,
/// checked, migrated and cleaned (deletions, retention) before anyone can use it, and undone when any step fails.
/// </summary>
public interface IRestoreTarget
{
    /// <summary>Why this target may not receive a restore (it is not empty), or null.</summary>
    Task<string?> RefusalAsync(CancellationToken ct);

    /// <summary>Puts the backup's database in place and returns the settings that open it.</summary>
    Task<PnxSettings> LoadAsync(string file, BackupManifest manifest, CancellationToken ct);

    /// <summary>Makes the restored database the installation's database.</summary>
    Task PublishAsync(CancellationToken ct);

    /// <summary>Leaves the target as empty as it was.</summary>
    Task UndoAsync();

    public static IRestoreTarget For(PnxSettings settings) =>
        settings.UsesPostgres ? new PostgresRestoreTarget(settings) : new SqliteRestoreTarget(settings);
}

/// <summary>The backup is damaged or does not hold what its manifest says: refused as input (exit 3).</summary>
public sealed class DamagedBackupException(string message) : Exception(message);
