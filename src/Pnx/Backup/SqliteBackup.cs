using Microsoft.Data.Sqlite;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Backup;

/// <summary>
/// SQLite's part: the online backup API copies the database in one step, inside one read transaction, so the
/// copy is one committed state while the server keeps writing (WAL lets the writer go on meanwhile).
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the live database to <paramref name="copyPath"/> and reads the manifest's facts from the copy.</summary>
    public static async Task<DatabaseFacts> CopyAsync(PnxSettings settings, string copyPath, CancellationToken ct)
    {
        await using (var source = new SqliteConnection(PnxDbFactory.SqliteConnectionString(settings)))
        await using (var target = new SqliteConnection(Direct(copyPath)))
        {
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);

            // The copy is one self-contained file: no -wal or -shm beside it once it is closed, also when opened read-only.
            await using var rollbackJournal = target.CreateCommand();
            rollbackJournal.CommandText = "PRAGMA journal_mode=DELETE;";
            await rollbackJournal.ExecuteNonQueryAsync(ct);
        }

        return await FactsAsync(copyPath, ct);
    }

    public static async Task<DatabaseFacts> FactsAsync(string path, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(Direct(path, SqliteOpenMode.ReadOnly));
        await connection.OpenAsync(ct);
        return await DatabaseFacts.ReadAsync(connection, null, DatabaseEngine.Sqlite, ct);
    }

    /// <summary>Deletes a copy and any journal files SQLite left beside it.</summary>
    public static void Delete(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(path + suffix);
    }

    public static string Direct(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = mode }.ToString();
}
