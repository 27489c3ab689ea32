using System.Data.Common;
using System.Globalization;
using Pnx.Data;

namespace Pnx.Backup;

/// <summary>
/// What the manifest records of a database, read on the connection (and transaction) that sees the copy,
/// so that the counts describe exactly what was copied. Tables come from the engine's catalogue, not from
/// this version's model: a restore compares them with an older copy too.
/// </summary>
public sealed record DatabaseFacts(string SchemaVersion, string AuditHead, IReadOnlyDictionary<string, long> Rows)
{
    public static async Task<DatabaseFacts> ReadAsync(DbConnection connection, DbTransaction? transaction, DatabaseEngine engine, CancellationToken ct)
    {
        var tables = await ListAsync(connection, transaction, engine == DatabaseEngine.Postgres
            ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", ct);
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables) rows[table] = await CountAsync(connection, transaction, table, ct);
        return new DatabaseFacts(await SchemaVersionAsync(connection, transaction, ct), await AuditHeadAsync(connection, transaction, ct), rows);
    }

    /// <summary>The row count of each of these tables, or -1 for a table that does not exist.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(DbConnection connection, DatabaseEngine engine, IEnumerable<string> tables, CancellationToken ct)
    {
        var existing = (await ListAsync(connection, null, engine == DatabaseEngine.Postgres
            ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'", ct)).ToHashSet(StringComparer.Ordinal);
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables) rows[table] = existing.Contains(table) ? await CountAsync(connection, null, table, ct) : -1;
        return rows;
    }

    private static async Task<long> CountAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken ct)
    {
        var quoted = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return Convert.ToInt64(await ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM " + quoted, ct), CultureInfo.InvariantCulture);
    }

    private static async Task<string> SchemaVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct) =>
        await ScalarAsync(connection, transaction, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1", ct) as string
        ?? throw new InvalidOperationException("The database has no migration history; it was never created by pnx.");

    private static async Task<string> AuditHeadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, "SELECT \"Seq\", \"Hash\" FROM audit_head WHERE \"Id\" = 1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt64(0)} {reader.GetString(1)}")
            : "0 " + new string('0', 64);
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new List<string>();
        while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        return names;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync(ct);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
