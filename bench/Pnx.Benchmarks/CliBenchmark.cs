using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Pnx.Benchmarks;

/// <summary>
/// Issue 10 item 7, measured as a user meets it: whole processes, start included. `./pnx` verbs next to the
/// engines' own loaders of the same file into one table (`sqlite3 .import`, `psql \copy`), the .xlsx against
/// the CSV, the peak memory of a 1,000,000-row import, and the start of a trivial verb. Medians of three
/// after a warm-up; ratios are speeds (≥ 0.5 is the goal for the loaders, ≥ 0.5 for xlsx against CSV).
/// </summary>
internal static class CliBenchmark
{
    private const int Runs = 3;

    public static async Task RunAsync(string? postgresBase, int rows, TextWriter output)
    {
        var root = FindRoot();
        var pnx = Path.Combine(root, "pnx");
        var folder = Directory.CreateTempSubdirectory("pnx-bench-cli").FullName;
        var csv = Path.Combine(folder, "newcomers.csv");
        var xlsx = Path.Combine(folder, "newcomers.xlsx");
        var million = Path.Combine(folder, "million.csv");
        SyntheticExport.WriteCsv(csv, rows);
        SyntheticExport.WriteXlsx(xlsx, rows);
        SyntheticExport.WriteCsv(million, 1_000_000);
        await RunAsync(pnx, ["--help"], []); // builds ./pnx if needed
        output.WriteLine($"cli benchmark: {rows:N0} rows (CSV {new FileInfo(csv).Length / 1024 / 1024} MB, xlsx {new FileInfo(xlsx).Length / 1024 / 1024} MB); whole processes; medians of {Runs} after a warm-up");
        output.WriteLine("engine     what                                   seconds   ratio   goal");

        foreach (var pg in postgresBase is null ? new string?[] { null } : [null, postgresBase])
        {
            var engine = pg is null ? "sqlite" : "postgres";
            var start = await MedianAsync(async () =>
            {
                var env = await DatabaseAsync(pg);
                return (await TimedAsync(pnx, ["audit", "head"], env)).Seconds;
            });
            Line(output, engine, "CLI start: pnx audit head", start, null, "< 0.5 s");

            var loader = await MedianAsync(() => pg is null ? SqliteImportAsync(csv, folder) : PsqlCopyAsync(pg, csv));
            Line(output, engine, pg is null ? "sqlite3 .import, one table" : "psql \\copy, one table", loader, null, "");
            var floor = await MedianAsync(() => pg is null ? SqliteFloorAsync(csv) : PsqlFloorAsync(pg, csv));
            Line(output, engine, "engine alone into the real table", floor, loader / floor, "(the floor: ratio vs the loader)");
            var csvImport = await MedianAsync(() => PnxImportAsync(pnx, pg, csv));
            Line(output, engine, "pnx import, CSV", csvImport, loader / csvImport, "≥ 0.5");
            var xlsxImport = await MedianAsync(() => PnxImportAsync(pnx, pg, xlsx));
            Line(output, engine, "pnx import, xlsx (ratio: vs CSV)", xlsxImport, csvImport / xlsxImport, "≥ 0.5");

            var env = await DatabaseAsync(pg);
            var run = await TimedAsync("/usr/bin/time", ["-f", "%M", pnx, "import", "--file", million, "--municipality", "23027"], env);
            var peakMb = double.Parse(run.Error.Trim().Split('\n')[^1], CultureInfo.InvariantCulture) / 1024;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{engine,-10} {"pnx import, 1,000,000 rows: peak RSS",-38} {run.Seconds,7:0.00}   {peakMb,5:0} MB  < 500 MB"));
        }

        Directory.Delete(folder, recursive: true);
    }

    private static void Line(TextWriter output, string engine, string what, double seconds, double? ratio, string goal) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine,-10} {what,-38} {seconds,7:0.00}   {(ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : ""),5}   {goal}"));

    private static async Task<double> PnxImportAsync(string pnx, string? pg, string file)
    {
        var env = await DatabaseAsync(pg);
        var run = await TimedAsync(pnx, ["import", "--file", file, "--municipality", "23027"], env);
        if (run.ExitCode != 0) throw new InvalidOperationException("pnx import failed: " + run.Error);
        return run.Seconds;
    }

    private static async Task<double> SqliteImportAsync(string csv, string folder)
    {
        var db = Path.Combine(folder, "raw-" + Guid.NewGuid().ToString("N") + ".db");
        var run = await TimedAsync("sqlite3", [db, "-cmd", ".mode csv", "-cmd", ".separator ;", $".import {csv} newcomers"], []);
        if (run.ExitCode != 0) throw new InvalidOperationException("sqlite3 .import failed: " + run.Error);
        File.Delete(db);
        return run.Seconds;
    }

    /// <summary>
    /// The engine's own floor for what an import must write: the same file loaded by the engine's loader into a temporary
    /// table and moved, in one durable transaction, into the real <c>newcomers</c> table of a migrated database (its indexes,
    /// foreign key and name index; the stamp and name-index triggers set aside and done once, as the import does). No
    /// validation, no NFC, no phone check, no comparison with stored rows, no audit entry, no .NET: what is left is what
    /// the engine needs to write the rows where the pages read them. Values the import would convert (language names,
    /// interests, dates) are taken as they come or fixed, which changes nothing the indexes do.
    /// </summary>
    private static async Task<double> SqliteFloorAsync(string csv)
    {
        var env = await DatabaseAsync(null);
        var db = Path.Combine(env["PNX_DATA_DIR"], "pnx.db");
        var script = $$"""
            PRAGMA synchronous=FULL;
            PRAGMA foreign_keys=ON;
            CREATE TEMP TABLE staged ({{StagedColumns}});
            .mode csv
            .separator ;
            .import --skip 1 --schema temp {{csv}} staged
            BEGIN IMMEDIATE;
            DROP TRIGGER newcomers_stamp_insert;
            DROP TRIGGER newcomer_search_insert;
            {{FloorColumns}}
            SELECT (SELECT "Id" FROM municipalities WHERE "NisCode" = '23027'), c0, c1, c2, c3, c4, nullif(c5, ''), c6, c7, nullif(c8, ''), c9,
                substr(c10, 1, 3), nullif(c11, ''), c12, 0, nullif(c14, ''), '2026-12-04 10:00:00', '2026-12-04 10:00:00', lower(c1 || ' ' || c2), 0
            FROM temp.staged ORDER BY rowid;
            INSERT INTO newcomer_search (rowid, "SearchName") SELECT "Id", "SearchName" FROM newcomers WHERE "SearchName" IS NOT NULL;
            UPDATE municipalities SET "NewcomersStamp" = random() WHERE "NisCode" = '23027';
            COMMIT;
            """;
        var file = Path.Combine(env["PNX_DATA_DIR"], "floor.sql");
        await File.WriteAllTextAsync(file, script);
        var run = await TimedAsync("sqlite3", ["-bail", db, ".read " + file], []);
        if (run.ExitCode != 0 || run.Error.Length > 0) throw new InvalidOperationException("sqlite3 floor failed: " + run.Error);
        return run.Seconds;
    }

    /// <summary>As <see cref="SqliteFloorAsync"/>, with <c>psql \copy</c> into a temporary table, in one transaction (<c>-1</c>).</summary>
    private static async Task<double> PsqlFloorAsync(string postgresBase, string csv)
    {
        var env = await DatabaseAsync(postgresBase);
        var connection = new NpgsqlConnectionStringBuilder(env["PNX_DATABASE"]);
        var script = $$"""
            CREATE TEMP TABLE staged ({{StagedColumns}});
            \copy staged FROM '{{csv}}' WITH (FORMAT csv, DELIMITER ';', HEADER true)
            SET LOCAL pnx.newcomers_bulk_write = 'on';
            {{FloorColumns}}
            SELECT m."Id", c0, c1, c2, c3, c4, nullif(c5, ''), c6, c7, nullif(c8, ''), c9,
                left(c10, 3), nullif(c11, ''), c12, 0, to_date(nullif(c14, ''), 'DD/MM/YYYY'), now(), now(), lower(c1 || ' ' || c2), 0
            FROM staged CROSS JOIN municipalities m WHERE m."NisCode" = '23027';
            UPDATE municipalities SET "NewcomersStamp" = (random() * 9e18)::bigint WHERE "NisCode" = '23027';
            """;
        var file = Path.Combine(Path.GetTempPath(), "pnx-floor-" + Guid.NewGuid().ToString("N") + ".sql");
        await File.WriteAllTextAsync(file, script);
        var run = await TimedAsync("psql", [.. PsqlConnection(connection), "-v", "ON_ERROR_STOP=1", "-q", "-1", "-f", file], []);
        File.Delete(file);
        if (run.ExitCode != 0) throw new InvalidOperationException("psql floor failed: " + run.Error);
        return run.Seconds;
    }

    /// <summary>One text column per column of the file (c0, c1, …), for the loaders' tables.</summary>
    private static readonly string StagedColumns = string.Join(", ", Enumerable.Range(0, Pnx.Imports.NewcomerColumns.All.Count).Select(i => $"c{i} text"));

    /// <summary>The newcomers' columns the floor writes (<see cref="SqliteFloorAsync"/>, <see cref="PsqlFloorAsync"/>).</summary>
    private const string FloorColumns = """
        INSERT INTO newcomers ("MunicipalityId", "DossierNumber", "FamilyName", "GivenNames", "Street", "HouseNumber", "Box", "PostalCode", "City",
            "Phone", "Email", "ContactLanguage", "DutchLevel", "CivicOrientationStatus", "Interests", "CertificateDate", "FirstSharedAt",
            "LastConfirmedAt", "SearchName", "RecordedHours")
        """;

    private static string[] PsqlConnection(NpgsqlConnectionStringBuilder connection) =>
        ["-h", connection.Host!, "-p", connection.Port.ToString(CultureInfo.InvariantCulture), "-U", connection.Username!, "-d", connection.Database!];

    private static async Task<double> PsqlCopyAsync(string postgresBase, string csv)
    {
        var env = await DatabaseAsync(postgresBase);
        var connection = new NpgsqlConnectionStringBuilder(env["PNX_DATABASE"]);
        await using (var db = new NpgsqlConnection(connection.ConnectionString))
        {
            await db.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE TABLE newcomers_raw ({StagedColumns})", db);
            await create.ExecuteNonQueryAsync();
        }

        var run = await TimedAsync("psql", [.. PsqlConnection(connection),
            "-v", "ON_ERROR_STOP=1", "-c", $"\\copy newcomers_raw FROM '{csv}' WITH (FORMAT csv, DELIMITER ';', HEADER true)"], []);
        if (run.ExitCode != 0) throw new InvalidOperationException("psql \\copy failed: " + run.Error);
        return run.Seconds;
    }

    /// <summary>A fresh database with Halle under an active protocol, as environment for `./pnx`.</summary>
    private static async Task<Dictionary<string, string>> DatabaseAsync(string? pg)
    {
        var (settings, _) = await BenchDatabases.CreateAsync(pg);
        return new() { ["PNX_DATA_DIR"] = settings.DataDir, ["PNX_DATABASE"] = settings.PostgresConnectionString ?? "" };
    }

    private sealed record Run(int ExitCode, double Seconds, string Error);

    private static async Task<Run> TimedAsync(string file, string[] args, Dictionary<string, string> env) => await RunAsync(file, args, env);

    private static async Task<Run> RunAsync(string file, string[] args, Dictionary<string, string> env)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in env) start.Environment[name] = value;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        await stdout;
        return new Run(process.ExitCode, watch.Elapsed.TotalSeconds, await stderr);
    }

    private static async Task<double> MedianAsync(Func<Task<double>> measure)
    {
        await measure();
        var times = new List<double>();
        for (var i = 0; i < Runs; i++) times.Add(await measure());
        times.Sort();
        return times[Runs / 2];
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "pnx")) && File.Exists(Path.Combine(dir.FullName, "bench.sh"))) return dir.FullName;
        }

        return Directory.GetCurrentDirectory();
    }
}
