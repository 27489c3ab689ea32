using Microsoft.Data.Sqlite;
using Npgsql;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Tests.Audit;

/// <summary>
/// An older copy of a test database, to put back later: what an operator (or an intruder) does when
/// restoring a backup. SQLite through its online backup API; PostgreSQL as a template database.
/// </summary>
public sealed class DatabaseCopy : IAsyncDisposable
{
    private readonly PnxSettings _settings;
    private readonly string _copy;

    private DatabaseCopy(PnxSettings settings, string copy)
    {
        _settings = settings;
        _copy = copy;
    }

    public static async Task<DatabaseCopy> TakeAsync(PnxSettings settings)
    {
        if (settings.UsesPostgres)
        {
            var name = new NpgsqlConnectionStringBuilder(settings.PostgresConnectionString).Database!;
            var copy = name + "_copy";
            await ServerAsync(settings, $"CREATE DATABASE {copy} TEMPLATE {name}");
            return new DatabaseCopy(settings, copy);
        }

        var path = Path.Combine(settings.DataDir, "copy.db");
        await BackupAsync(PnxDbFactory.SqliteConnectionString(settings), Direct(path));
        return new DatabaseCopy(settings, path);
    }

    /// <summary>Replaces the database with the copy.</summary>
    public async Task PutBackAsync()
    {
        if (_settings.UsesPostgres)
        {
            var name = new NpgsqlConnectionStringBuilder(_settings.PostgresConnectionString).Database!;
            await ServerAsync(_settings, $"DROP DATABASE {name} WITH (FORCE)");
            await ServerAsync(_settings, $"CREATE DATABASE {name} TEMPLATE {_copy}");
            return;
        }

        await BackupAsync(Direct(_copy), PnxDbFactory.SqliteConnectionString(_settings));
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        if (_settings.UsesPostgres) await ServerAsync(_settings, $"DROP DATABASE IF EXISTS {_copy} WITH (FORCE)");
    }

    private static string Direct(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    private static async Task BackupAsync(string from, string to)
    {
        await using var source = new SqliteConnection(from);
        await source.OpenAsync();
        await using var target = new SqliteConnection(to);
        await target.OpenAsync();
        source.BackupDatabase(target);
    }

    /// <summary>Runs a statement on the server's maintenance database, with no pooled connection left on ours (a template must have none).</summary>
    private static async Task ServerAsync(PnxSettings settings, string sql)
    {
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(settings.PostgresConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
