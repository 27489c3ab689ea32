using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Pnx.Data;
using Pnx.Municipalities;

namespace Pnx.Imports;

/// <summary>
/// Writes imported rows at close to the engine's raw speed; EF Core change tracking is ~15× slower here.
/// On SQLite the rows are first copied into a temporary table of the import's own connection, before the
/// write transaction: SQLite has one write lock, and every page's audit entry waits for it, so the write
/// transaction only moves staged rows with set-based statements. PostgreSQL never makes readers or other
/// writers wait for an import, so there the rows go straight in with binary COPY.
/// </summary>
internal sealed class NewcomerBulkWriter : IAsyncDisposable
{
    private const string Staged = "temp.import_rows";

    /// <summary>SQLite's cache sizes in KiB (negative): 64 MiB during an import, the default after it.</summary>
    private const string ImportCacheSize = "-65536";
    private const string DefaultCacheSize = "-2000";

    private static readonly string[] Fields = [.. NewcomerFields.All.Select(f => f.Property)];

    private static readonly string[] UpdatedFields = [.. NewcomerFields.Personal.Select(f => f.Property)];

    private readonly PnxDb _db;
    private readonly bool _staged;
    private readonly Dictionary<int, int> _stagedRows = [];

    private NewcomerBulkWriter(PnxDb db, bool staged)
    {
        _db = db;
        _staged = staged;
    }

    /// <summary>Prepares the writes; on SQLite this stages the rows. Call it before the write transaction, on an open connection.</summary>
    public static async Task<NewcomerBulkWriter> StageAsync(PnxDb db, IEnumerable<(int MunicipalityId, NewcomerRecord Record)> rows, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection connection) return new NewcomerBulkWriter(db, staged: false);

        var writer = new NewcomerBulkWriter(db, staged: true);
        try
        {
            await CopyInAsync(connection, rows, writer._stagedRows, ct);
            return writer;
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }

    private static async Task CopyInAsync(
        SqliteConnection connection, IEnumerable<(int MunicipalityId, NewcomerRecord Record)> rows, Dictionary<int, int> counts, CancellationToken ct)
    {
        // In memory, and a cache that holds the import's pages: the write transaction then moves rows without waiting for the disk.
        await Execute(connection, null, $"PRAGMA temp_store = MEMORY; PRAGMA cache_size = {ImportCacheSize}", ct);
        await Execute(connection, null, $"DROP TABLE IF EXISTS {Staged}; CREATE TEMP TABLE import_rows AS SELECT \"MunicipalityId\", {Columns(Fields)} FROM newcomers WHERE 0", ct);
        // Deferred: the transaction writes only the connection's temporary database and takes no lock on the main one.
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using (var insert = Prepare(connection, transaction, $"INSERT INTO {Staged} VALUES ({string.Join(", ", Enumerable.Range(0, Fields.Length + 1).Select(i => Param(connection, i)))})", Fields.Length + 1))
        {
            foreach (var (municipalityId, record) in rows)
            {
                insert.Parameters[0].Value = municipalityId;
                for (var i = 0; i < Fields.Length; i++) insert.Parameters[i + 1].Value = NewcomerFields.All[i].Stored(record.Values) ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(ct);
                counts[municipalityId] = counts.GetValueOrDefault(municipalityId) + 1;
            }
        }

        await Execute(connection, transaction, "CREATE UNIQUE INDEX temp.import_rows_key ON import_rows (\"MunicipalityId\", \"DossierNumber\")", ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// What the municipality holds, compared with the file. Staged on SQLite, the comparison runs in the
    /// database and only ids and flags cross over: this read happens under the write lock.
    /// </summary>
    public async Task<Dictionary<string, StoredNewcomer>> StoredAsync(Municipality municipality, IReadOnlyList<NewcomerRecord> records, CancellationToken ct)
    {
        if (!_staged) return await ImportPlanner.StoredAsync(_db, municipality, records, ct);

        var (connection, transaction) = Current();
        var same = string.Join(" AND ", NewcomerFields.Compared.Select(f => $"n.{Quote(f.Property)} IS s.{Quote(f.Property)}"));
        await using var command = Prepare(connection, transaction,
            "SELECT n.\"Id\", n.\"DossierNumber\", n.\"WithdrawnAt\" IS NULL AND n.\"ErasedAt\" IS NULL, " +
            $"s.\"DossierNumber\" IS NOT NULL AND {same} " +
            $"FROM newcomers n LEFT JOIN {Staged} s ON s.\"MunicipalityId\" = n.\"MunicipalityId\" AND s.\"DossierNumber\" = n.\"DossierNumber\" " +
            $"WHERE n.\"MunicipalityId\" = {Param(connection, 0)}",
            1);
        command.Parameters[0].Value = municipality.Id;
        var stored = new Dictionary<string, StoredNewcomer>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var dossier = reader.GetString(1);
            stored[dossier] = new StoredNewcomer(reader.GetInt64(0), dossier, reader.GetBoolean(2), reader.GetBoolean(3));
        }

        return stored;
    }

    /// <summary>Adds newcomers the municipality never had; <paramref name="records"/> is what the plan made under the lock.</summary>
    public async Task InsertAsync(int municipalityId, IReadOnlyList<NewcomerRecord> records, DateTime now, CancellationToken ct)
    {
        if (records.Count == 0) return;
        var (connection, transaction) = Current();
        var columns = $"\"MunicipalityId\", {Columns(Fields)}, \"FirstSharedAt\", \"LastConfirmedAt\"";
        if (_staged)
        {
            // The staged rows without a stored newcomer are exactly the plan's new ones: it was made under this
            // transaction's lock. When all of them are new (a first import) the check per row is left to the
            // unique index. In file order ('+' keeps SQLite from walking the staged rows through their index).
            var allNew = records.Count == _stagedRows.GetValueOrDefault(municipalityId);
            var inserted = await Execute(connection, transaction,
                $"INSERT INTO newcomers ({columns}) SELECT s.\"MunicipalityId\", {Columns(Fields, "s.")}, $now, $now FROM {Staged} s " +
                "WHERE +s.\"MunicipalityId\" = $municipality" +
                (allNew ? "" : " AND NOT EXISTS (SELECT 1 FROM newcomers n WHERE n.\"MunicipalityId\" = s.\"MunicipalityId\" AND n.\"DossierNumber\" = s.\"DossierNumber\")"),
                ct, ("$now", now), ("$municipality", municipalityId));
            Expect(inserted, records.Count, "inserted");
            return;
        }

        await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync($"COPY newcomers ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var record in records)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(municipalityId, NpgsqlDbType.Integer, ct);
            foreach (var field in NewcomerFields.All) await WriteAsync(importer, field.Stored(record.Values), ct);
            await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
        }

        await importer.CompleteAsync(ct);
    }

    /// <summary>Overwrites the personal fields and makes the newcomers current again (updates and re-shares).</summary>
    public async Task UpdateAsync(int municipalityId, IReadOnlyList<(long Id, NewcomerRecord Record)> rows, DateTime now, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var (connection, transaction) = Current();
        if (_staged)
        {
            var ids = "[" + string.Join(',', rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture))) + "]";
            var updated = await Execute(connection, transaction,
                $"UPDATE newcomers SET {string.Join(", ", UpdatedFields.Select(c => $"{Quote(c)} = s.{Quote(c)}"))}, {MadeCurrent("$now")} " +
                $"FROM {Staged} s WHERE newcomers.\"Id\" IN (SELECT value FROM json_each($ids)) " +
                "AND s.\"MunicipalityId\" = newcomers.\"MunicipalityId\" AND s.\"DossierNumber\" = newcomers.\"DossierNumber\" AND s.\"MunicipalityId\" = $municipality",
                ct, ("$now", now), ("$ids", ids), ("$municipality", municipalityId));
            Expect(updated, rows.Count, "updated");
            return;
        }

        var n = UpdatedFields.Length;
        var sets = string.Join(", ", UpdatedFields.Select((c, i) => $"{Quote(c)} = {Param(connection, i)}"));
        var sql = $"UPDATE newcomers SET {sets}, {MadeCurrent(Param(connection, n))} WHERE \"Id\" = {Param(connection, n + 1)}";
        await using var command = Prepare(connection, transaction, sql, n + 2);
        foreach (var (id, record) in rows)
        {
            for (var i = 0; i < n; i++) command.Parameters[i].Value = NewcomerFields.Personal[i].Stored(record.Values) ?? DBNull.Value;
            command.Parameters[n].Value = now;
            command.Parameters[n + 1].Value = id;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Removes the staged copy at once: it holds personal data.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_staged)
        {
            await Execute(_db.Database.GetDbConnection(), null, $"DROP TABLE IF EXISTS {Staged}; PRAGMA cache_size = {DefaultCacheSize}", CancellationToken.None);
        }
    }

    private static void Expect(int affected, int planned, string what)
    {
        if (affected != planned)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The import planned {planned} rows but {affected} were {what}; nothing is written."));
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken ct)
    {
        switch (value)
        {
            case null: await importer.WriteNullAsync(ct); break;
            case string text: await importer.WriteAsync(text, NpgsqlDbType.Varchar, ct); break;
            case int number: await importer.WriteAsync(number, NpgsqlDbType.Integer, ct); break;
            case DateOnly date: await importer.WriteAsync(date, NpgsqlDbType.Date, ct); break;
            default: throw new InvalidOperationException($"No COPY mapping for {value.GetType().Name}.");
        }
    }

    private static async Task<int> Execute(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction? transaction, string sql, int parameterCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameterCount; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = connection is SqliteConnection ? "$p" + i : "p" + i;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static string Param(DbConnection connection, int index) => connection is SqliteConnection ? "$p" + index : "@p" + index;

    private static string MadeCurrent(string now) => $"\"LastConfirmedAt\" = {now}, \"WithdrawnAt\" = NULL, \"ErasedAt\" = NULL";

    private static string Quote(string column) => "\"" + column + "\"";

    private static string Columns(IEnumerable<string> columns, string prefix = "") => string.Join(", ", columns.Select(c => prefix + Quote(c)));

    private (DbConnection Connection, DbTransaction Transaction) Current() =>
        (_db.Database.GetDbConnection(),
         _db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Bulk writes run inside the import's transaction."));
}
