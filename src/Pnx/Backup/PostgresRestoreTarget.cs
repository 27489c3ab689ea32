using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Backup;

/// <summary>
/// Restores with pg_restore in one transaction into the configured database, which must hold no tables (it is
/// created when it does not exist). A failure after that empties it again.
/// </summary>
public sealed class PostgresRestoreTarget(PnxSettings settings) : IRestoreTarget
{
    private string ConnectionString => settings.PostgresConnectionString!;

    public async Task<string?> RefusalAsync(CancellationToken ct)
    {
        await using (var db = PnxDbFactory.Create(settings))
        {
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct)) await creator.CreateAsync(ct);
        }

        var objects = await PostgresBackup.ObjectsAsync(ConnectionString, ct);
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        return objects.Count == 0
            ? null
            : $"the database \"{name}\" is not empty (it holds {string.Join(", ", objects)}); a restore goes only into an empty database, so that it never overwrites one.";
    }

    public async Task<PnxSettings> LoadAsync(string file, BackupManifest manifest, CancellationToken ct)
    {
        var dump = Path.Combine(Path.GetTempPath(), "pnx-restore-" + Guid.NewGuid().ToString("N") + ".pgdump");
        try
        {
            if (!await BackupArchive.ExtractDatabaseAsync(file, manifest, dump, ct))
                throw new DamagedBackupException("the database copy in the backup is damaged (its SHA-256 differs from the manifest's)");
            await PostgresBackup.RestoreAsync(ConnectionString, dump, ct);
        }
        finally
        {
            File.Delete(dump);
        }

        return settings;
    }

    public Task PublishAsync(CancellationToken ct) => Task.CompletedTask;

    public Task UndoAsync() => PostgresBackup.ClearAsync(ConnectionString, CancellationToken.None);
}
