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

    private static async Task<double> PsqlCopyAsync(string postgresBase, string csv)
    {
        var env = await DatabaseAsync(postgresBase);
        var connection = new NpgsqlConnectionStringBuilder(env["PNX_DATABASE"]);
        var columns = string.Join(", ", File.ReadLines(csv).First().Split(';').Select((_, i) => $"c{i} text"));
        await using (var db = new NpgsqlConnection(connection.ConnectionString))
        {
            await db.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE TABLE newcomers_raw ({columns})", db);
            await create.ExecuteNonQueryAsync();
        }

        var run = await TimedAsync("psql", ["-h", connection.Host!, "-p", connection.Port.ToString(CultureInfo.InvariantCulture), "-U", connection.Username!, "-d", connection.Database!,
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
