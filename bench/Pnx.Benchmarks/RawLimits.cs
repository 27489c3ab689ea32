using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Benchmarks;

/// <summary>
/// The engine's own ceiling for storing the same rows, measured in the same run: prepared inserts in one
/// transaction on SQLite, binary COPY on PostgreSQL. Values are pre-normalised, so no validation is included.
/// </summary>
internal static class RawLimits
{
    private const string Columns =
        "\"MunicipalityId\", \"DossierNumber\", \"FamilyName\", \"GivenNames\", \"Street\", \"HouseNumber\", \"Box\", \"PostalCode\", \"City\", " +
        "\"Phone\", \"Email\", \"ContactLanguage\", \"DutchLevel\", \"CivicOrientationStatus\", \"Interests\", \"CertificateDate\", \"FirstSharedAt\", \"LastConfirmedAt\", \"SearchName\"";

    public static async Task<TimeSpan> SqliteAsync(PnxSettings settings, int municipalityId, int count)
    {
        await using var connection = new SqliteConnection(PnxDbFactory.SqliteConnectionString(settings));
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=FULL;";
            await pragma.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO newcomers ({Columns}) VALUES ({string.Join(", ", Enumerable.Range(0, 19).Select(i => "$p" + i))})";
        for (var i = 0; i < 19; i++) command.Parameters.Add(new SqliteParameter("$p" + i, null));
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var values = Values(municipalityId, i, now);
            for (var p = 0; p < values.Length; p++) command.Parameters[p].Value = values[p] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return watch.Elapsed;
    }

    public static async Task<TimeSpan> PostgresAsync(PnxSettings settings, int municipalityId, int count)
    {
        await using var connection = new NpgsqlConnection(settings.PostgresConnectionString);
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY newcomers ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            var now = DateTime.UtcNow;
            for (var i = 0; i < count; i++)
            {
                var values = Values(municipalityId, i, now);
                await importer.StartRowAsync();
                await importer.WriteAsync((int)values[0]!, NpgsqlDbType.Integer);
                for (var p = 1; p < 14; p++)
                {
                    if (values[p] is string text) await importer.WriteAsync(text, NpgsqlDbType.Varchar);
                    else await importer.WriteNullAsync();
                }

                await importer.WriteAsync((int)values[14]!, NpgsqlDbType.Integer);
                if (values[15] is DateOnly date) await importer.WriteAsync(date, NpgsqlDbType.Date);
                else await importer.WriteNullAsync();
                await importer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync((string)values[18]!, NpgsqlDbType.Varchar);
            }

            await importer.CompleteAsync();
        }

        await transaction.CommitAsync();
        return watch.Elapsed;
    }

    /// <summary>
    /// Row <paramref name="i"/>: names and contact language from the demo's origins (weighted as the demo's), levels, civic
    /// orientation and interests spread over their values, so searches and filters over many rows match as many as they would
    /// in a real municipality (not one name and one level for all).
    /// </summary>
    private static object?[] Values(int municipalityId, int i, DateTime now)
    {
        var origin = Origins[i % Origins.Length];
        var hash = (uint)i * 2654435761u;
        var family = origin.FamilyNames[(int)(hash % (uint)origin.FamilyNames.Length)];
        var given = origin.GivenNames[(int)((hash >> 8) % (uint)origin.GivenNames.Length)];
        var language = origin.Languages[(int)((hash >> 16) % (uint)origin.Languages.Length)];
        var level = Levels[(int)((hash >> 4) % (uint)Levels.Length)];
        var status = Statuses[(int)((hash >> 12) % (uint)Statuses.Length)];
        var interests = (1 << (int)((hash >> 20) % 11)) | (1 << (int)((hash >> 24) % 11));
        return
        [
            municipalityId, $"D-2024-{i:D7}", family, given, "Basiliekstraat", "12", null, "1500", "Halle",
            "+32470123456", $"persoon{i}@example.be", language, level, status, interests, i % 4 == 0 ? new DateOnly(2026, 2, 1) : null, now, now,
            Pnx.Newcomers.NewcomerSearch.Of(family, given),
        ];
    }

    /// <summary>The demo's origins, each as often as its weight says.</summary>
    private static readonly Pnx.Demo.DemoNames.Origin[] Origins =
        [.. Pnx.Demo.DemoNames.Origins.SelectMany(o => Enumerable.Repeat(o, Math.Max(1, (int)o.Weight)))];

    private static readonly string[] Levels = [.. Enum.GetNames<Pnx.Newcomers.DutchLevel>()];

    private static readonly string[] Statuses = [.. Enum.GetNames<Pnx.Newcomers.CivicOrientationStatus>()];
}
