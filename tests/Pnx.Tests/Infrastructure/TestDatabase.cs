using Npgsql;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Tests.Infrastructure;

/// <summary>
/// A fresh, real database per test: a SQLite file in a temporary folder, or a new database on the
/// PostgreSQL server that test.sh started (PNX_TEST_ENGINE=postgres, PNX_TEST_POSTGRES=base string).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresDatabase;

    private TestDatabase(PnxSettings settings, string? postgresDatabase)
    {
        Settings = settings;
        _postgresDatabase = postgresDatabase;
    }

    public PnxSettings Settings { get; }

    public static bool UsesPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("PNX_TEST_ENGINE"), "postgres", StringComparison.OrdinalIgnoreCase);

    private static string PostgresBase =>
        Environment.GetEnvironmentVariable("PNX_TEST_POSTGRES")
        ?? throw new InvalidOperationException("PNX_TEST_ENGINE=postgres needs PNX_TEST_POSTGRES (test.sh sets both).");

    public static async Task<TestDatabase> CreateAsync()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "pnx-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        if (!UsesPostgres) return new TestDatabase(new PnxSettings(dataDir, null), null);

        var name = "pnx_t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(PostgresBase + ";Database=postgres"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new TestDatabase(new PnxSettings(dataDir, PostgresBase + ";Database=" + name), name);
    }

    /// <summary>The database with the schema in place.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync()
    {
        var database = await CreateAsync();
        await PnxDbFactory.MigrateAsync(database.Settings);
        return database;
    }

    public PnxDb Open() => PnxDbFactory.Create(Settings);

    public async ValueTask DisposeAsync()
    {
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresBase + ";Database=postgres");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(Settings.DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a killed process; the temp folder is cleaned by the OS.
        }
    }
}
