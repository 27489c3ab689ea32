using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Benchmarks.Web;

/// <summary>
/// Appends a long, valid stretch of the hash chain straight into the table (prepared inserts on SQLite,
/// binary COPY on PostgreSQL), continuing from the current head and moving the head along, so the app's
/// own appends and the verifier see one unbroken chain.
/// </summary>
internal static class AuditSeeder
{
    private const string Columns = "\"Seq\", \"At\", \"Actor\", \"Action\", \"Municipality\", \"Subjects\", \"Purpose\", \"Detail\", \"Prev\", \"Hash\"";

    public static async Task<TimeSpan> AppendAsync(PnxSettings settings, string nis, int count)
    {
        var watch = Stopwatch.StartNew();
        if (settings.UsesPostgres) await PostgresAsync(settings, nis, count);
        else await SqliteAsync(settings, nis, count);
        return watch.Elapsed;
    }

    /// <summary>Realistic reads: every tenth a list of 20 dossier numbers, the rest one detail view each.</summary>
    private static IEnumerable<AuditEntry> Chain(long headSeq, string headHash, string nis, int count)
    {
        var start = DateTime.UtcNow.AddSeconds(-count);
        var prev = headHash;
        for (var i = 0; i < count; i++)
        {
            var at = start.AddSeconds(i);
            var list = i % 10 == 0;
            var subjects = list
                ? Enumerable.Range(0, 20).Select(k => Dossier((i + k) % 5000))
                : [Dossier(i % 5000)];
            var entry = new AuditEntry
            {
                Seq = headSeq + 1 + i,
                At = new DateTime(at.Ticks - (at.Ticks % 10), DateTimeKind.Utc),
                Actor = "user:bench-" + (i % 7).ToString(CultureInfo.InvariantCulture),
                Action = list ? "newcomer.list" : "newcomer.view",
                Municipality = nis,
                Subjects = AuditHash.SubjectsJson(subjects),
                Purpose = AuditPurposes.Steering,
                Detail = list ? "page 1" : null,
                Prev = prev,
                Hash = "",
            };
            entry.Hash = AuditHash.Compute(entry);
            prev = entry.Hash;
            yield return entry;
        }
    }

    private static string Dossier(int i) => string.Create(CultureInfo.InvariantCulture, $"D-2024-{i:D7}");

    private static async Task SqliteAsync(PnxSettings settings, string nis, int count)
    {
        await using var connection = new SqliteConnection(PnxDbFactory.SqliteConnectionString(settings));
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var (seq, hash) = await HeadAsync(connection, transaction);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO audit_entries ({Columns}) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9)";
        for (var p = 0; p < 10; p++) insert.Parameters.Add(new SqliteParameter("$p" + p, null));
        insert.Prepare();
        AuditEntry? last = null;
        foreach (var e in Chain(seq, hash, nis, count))
        {
            object?[] values = [e.Seq, e.At, e.Actor, e.Action, e.Municipality, e.Subjects, e.Purpose, e.Detail, e.Prev, e.Hash];
            for (var p = 0; p < 10; p++) insert.Parameters[p].Value = values[p] ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync();
            last = e;
        }

        await MoveHeadAsync(connection, transaction, last!);
        await transaction.CommitAsync();
    }

    private static async Task PostgresAsync(PnxSettings settings, string nis, int count)
    {
        await using var connection = new NpgsqlConnection(settings.PostgresConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var (seq, hash) = await HeadAsync(connection, transaction);
        AuditEntry? last = null;
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY audit_entries ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in Chain(seq, hash, nis, count))
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(e.Seq, NpgsqlDbType.Bigint);
                await copy.WriteAsync(e.At, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(e.Actor, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Action, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Municipality!, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Subjects, NpgsqlDbType.Text);
                await copy.WriteAsync(e.Purpose!, NpgsqlDbType.Varchar);
                if (e.Detail is null) await copy.WriteNullAsync();
                else await copy.WriteAsync(e.Detail, NpgsqlDbType.Text);
                await copy.WriteAsync(e.Prev, NpgsqlDbType.Char);
                await copy.WriteAsync(e.Hash, NpgsqlDbType.Char);
                last = e;
            }

            await copy.CompleteAsync();
        }

        await MoveHeadAsync(connection, transaction, last!);
        await transaction.CommitAsync();
    }

    private static async Task<(long Seq, string Hash)> HeadAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT \"Seq\", \"Hash\" FROM audit_head WHERE \"Id\" = {AuditHead.SingletonId}";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private static async Task MoveHeadAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, AuditEntry last)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"UPDATE audit_head SET \"Seq\" = {last.Seq}, \"Hash\" = '{last.Hash}' WHERE \"Id\" = {AuditHead.SingletonId}");
        await command.ExecuteNonQueryAsync();
    }
}
