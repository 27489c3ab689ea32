using System.Diagnostics;
using System.Globalization;
using Pnx.Data;
using Pnx.Imports;

namespace Pnx.Benchmarks;

/// <summary>
/// Issue 2's benchmark: a full import (read, validate, normalise, store, audit) of N generated rows,
/// next to the engine's raw storage limit measured in the same run. Medians of three.
/// </summary>
internal static class ImportBenchmark
{
    private const int Runs = 3;

    public static async Task RunAsync(string? postgresBase, int rows, TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("pnx-bench-files").FullName;
        var csv = Path.Combine(folder, "newcomers.csv");
        var xlsx = Path.Combine(folder, "newcomers.xlsx");
        SyntheticExport.WriteCsv(csv, rows);
        SyntheticExport.WriteXlsx(xlsx, rows);
        output.WriteLine($"import benchmark: {rows:N0} rows; CSV {new FileInfo(csv).Length / 1024 / 1024} MB, xlsx {new FileInfo(xlsx).Length / 1024 / 1024} MB; medians of {Runs} after a warm-up run");
        output.WriteLine("engine      what                      rows/s   vs raw");

        foreach (var engine in postgresBase is null ? new[] { "sqlite" } : ["sqlite", "postgres"])
        {
            var pg = engine == "postgres" ? postgresBase : null;
            var raw = await MedianAsync(async () =>
            {
                var (settings, municipalityId) = await BenchDatabases.CreateAsync(pg);
                return pg is null ? await RawLimits.SqliteAsync(settings, municipalityId, rows) : await RawLimits.PostgresAsync(settings, municipalityId, rows);
            });
            var rawRate = rows / raw.TotalSeconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine,-11} {(pg is null ? "raw prepared inserts" : "raw binary COPY"),-24} {rawRate,8:N0}    1.00"));
            foreach (var (label, path) in new[] { ("full import, CSV", csv), ("full import, xlsx", xlsx) })
            {
                var elapsed = await MedianAsync(async () =>
                {
                    var (settings, _) = await BenchDatabases.CreateAsync(pg);
                    await using var db = PnxDbFactory.Create(settings);
                    var watch = Stopwatch.StartNew();
                    var outcome = await NewcomerImport.RunAsync(db, TimeProvider.System, path, new ImportOptions("23027", Actor: "bench"));
                    watch.Stop();
                    if (outcome.ExitCode != 0) throw new InvalidOperationException("import failed: " + string.Join('\n', outcome.Errors.Take(5)));
                    return watch.Elapsed;
                });
                var rate = rows / elapsed.TotalSeconds;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine,-11} {label,-24} {rate,8:N0}    {rate / rawRate:0.00}"));
            }
        }

        Directory.Delete(folder, recursive: true);
    }

    private static async Task<TimeSpan> MedianAsync(Func<Task<TimeSpan>> measure)
    {
        await measure(); // warm-up: JIT, connection pools, the phone library's metadata
        var times = new List<TimeSpan>();
        for (var i = 0; i < Runs; i++) times.Add(await measure());
        times.Sort();
        return times[Runs / 2];
    }
}
