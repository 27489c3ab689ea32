using System.Diagnostics;
using Pnx.Imports.Reading;
using Pnx.Imports.Validation;

namespace Pnx.Benchmarks;

internal static class Phases
{
    public static void Run(int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), "phases.csv");
        SyntheticExport.WriteCsv(path, rows);
        var w = Stopwatch.StartNew();
        for (var round = 0; round < 3; round++)
        {
            w.Restart();
            var read = NewcomerFileReader.Read(path);
            var t1 = w.ElapsedMilliseconds;
            var parsed = NewcomerTableParser.Parse(read.Table!, new DateOnly(2026, 11, 29));
            var t2 = w.ElapsedMilliseconds;
            Console.WriteLine($"read {t1} ms, parse {t2 - t1} ms, records {parsed.Records.Count} problems {parsed.Problems.Count}");
        }
    }
}
