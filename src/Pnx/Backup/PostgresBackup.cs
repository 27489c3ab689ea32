using System.Data;
using Npgsql;
using Pnx.Data;

namespace Pnx.Backup;

/// <summary>
/// PostgreSQL's part: pg_dump in the custom format from a snapshot this process exported, so that the
/// manifest's counts and the dump describe the same moment while the server keeps writing; pg_restore in
/// one transaction into an empty database.
/// </summary>
public static class PostgresBackup
{
    public static async Task<DatabaseFacts> DumpAsync(string connectionString, Stream output, CancellationToken ct)
    {
        var pgDump = PostgresTools.Find("pg_dump") ?? throw new ToolMissingException(PostgresTools.Missing("pg_dump"));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        string snapshot;
        await using (var command = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
        {
            snapshot = (string)(await command.ExecuteScalarAsync(ct))!;
        }

        var facts = await DatabaseFacts.ReadAsync(connection, transaction, DatabaseEngine.Postgres, ct);
        using var process = PostgresTools.Start(pgDump, connectionString, ["--format=custom", "--snapshot=" + snapshot, "--no-password"]);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.BaseStream.CopyToAsync(output, ct);
        await PostgresTools.WaitAsync(process, errors, "pg_dump", ct);
        await transaction.CommitAsync(ct);
        return facts;
    }

    public static async Task RestoreAsync(string connectionString, string dumpPath, CancellationToken ct)
    {
        var pgRestore = PostgresTools.Find("pg_restore") ?? throw new ToolMissingException(PostgresTools.Missing("pg_restore"));
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new InvalidOperationException("PNX_DATABASE names no database.");
        using var process = PostgresTools.Start(pgRestore, connectionString,
            ["--dbname=" + database, "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--no-password", dumpPath]);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await PostgresTools.WaitAsync(process, errors, "pg_restore", ct);
        await output;
    }

    /// <summary>The first few tables, views or sequences the database holds outside the system schemas; none when it is empty.</summary>
    public static async Task<IReadOnlyList<string>> ObjectsAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
            ORDER BY 1 LIMIT 5
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new List<string>();
        while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>
    /// Undoes a restore that failed after pg_restore committed: the database was empty before, so everything in
    /// schema public is what the restore brought.
    /// </summary>
    public static async Task ClearAsync(string connectionString, CancellationToken ct)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            DO $$
            DECLARE r record;
            BEGIN
              FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') LOOP
                EXECUTE format(CASE WHEN r.relkind IN ('v') THEN 'DROP VIEW IF EXISTS public.%I CASCADE'
                                    WHEN r.relkind IN ('m') THEN 'DROP MATERIALIZED VIEW IF EXISTS public.%I CASCADE'
                                    WHEN r.relkind IN ('f') THEN 'DROP FOREIGN TABLE IF EXISTS public.%I CASCADE'
                                    ELSE 'DROP TABLE IF EXISTS public.%I CASCADE' END, r.relname);
              END LOOP;
              FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public' AND c.relkind = 'S' LOOP
                EXECUTE format('DROP SEQUENCE IF EXISTS public.%I CASCADE', r.relname);
              END LOOP;
            END $$;
            """, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>A program the verb needs is not installed: a clear message and exit 1, not a stack trace.</summary>
public sealed class ToolMissingException(string message) : Exception(message);
