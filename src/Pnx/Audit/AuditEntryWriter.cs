using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Pnx.Data;

namespace Pnx.Audit;

/// <summary>
/// Writes a batch of chained entries and the new head with plain commands on the context's connection and transaction,
/// not through EF Core's change tracker: every page view appends one entry, and the tracker's per-entity work and SQLite's
/// compiling of one INSERT per entry were most of an audited view's cost. SQLite: one INSERT prepared once and stepped
/// per entry; PostgreSQL: one INSERT of arrays (<c>unnest</c>), one statement whatever the batch. <see cref="Columns"/>
/// is checked against the EF Core model by a test, so a new property of <see cref="AuditEntry"/> cannot be left unwritten.
/// </summary>
internal static class AuditEntryWriter
{
    /// <summary>The columns written, in order.</summary>
    public static readonly string[] Columns = ["Seq", "At", "Actor", "Action", "Municipality", "Subjects", "Purpose", "Detail", "Prev", "Hash"];

    private static readonly string ColumnList = string.Join(", ", Columns.Select(c => $"\"{c}\""));

    private static readonly string Positions = string.Join(", ", Columns.Select((_, i) => "$" + (i + 1)));

    private static readonly string SqliteInsert = $"INSERT INTO {AuditEntry.Table} ({ColumnList}) VALUES ({Positions})";

    private static readonly string PostgresInsert = $"INSERT INTO {AuditEntry.Table} ({ColumnList}) SELECT * FROM unnest({Positions})";

    public static async Task WriteAsync(PnxDb db, IReadOnlyList<AuditEntry> entries, AuditHead head, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Audit entries are written inside the transaction of the action they record.");
        if (connection is NpgsqlConnection npgsql) await WritePostgresAsync(npgsql, (NpgsqlTransaction)transaction, entries, ct);
        else await WriteSqliteAsync((SqliteConnection)connection, (SqliteTransaction)transaction, entries, ct);

        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = $"UPDATE {AuditHead.Table} SET \"Seq\" = @seq, \"Hash\" = @hash WHERE \"Id\" = {AuditHead.SingletonId}";
        Add(update, "@seq", head.Seq);
        Add(update, "@hash", head.Hash);
        if (await update.ExecuteNonQueryAsync(ct) != 1) throw new InvalidOperationException("The audit head row is missing.");
    }

    private static async Task WriteSqliteAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = SqliteInsert;
        var parameters = Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$" + (i + 1), null))).ToArray();
        insert.Prepare();
        foreach (var entry in entries)
        {
            var values = Values(entry);
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task WritePostgresAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand(PostgresInsert, connection, transaction);
        var rows = entries.Select(Values).ToArray();
        insert.Parameters.Add(new NpgsqlParameter<long[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, TypedValue = entries.Select(e => e.Seq).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<DateTime[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, TypedValue = entries.Select(e => e.At).ToArray() });
        for (var column = 2; column < Columns.Length; column++)
        {
            var index = column;
            insert.Parameters.Add(new NpgsqlParameter<string?[]>
            {
                NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
                TypedValue = rows.Select(r => (string?)r[index]).ToArray(),
            });
        }

        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>An entry's values in the order of <see cref="Columns"/>.</summary>
    private static object?[] Values(AuditEntry e) => [e.Seq, e.At, e.Actor, e.Action, e.Municipality, e.Subjects, e.Purpose, e.Detail, e.Prev, e.Hash];

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
