using System.Globalization;
using Pnx.Benchmarks;
using Pnx.Benchmarks.Web;

// ./bench.sh [import|cli|web|pages|pages-large|matching|api|phases|all] [--rows N]: one command for every benchmark (PNX_BENCH_POSTGRES adds PostgreSQL).
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var rowsAt = Array.IndexOf(args, "--rows");
var rows = rowsAt >= 0 && rowsAt + 1 < args.Length ? int.Parse(args[rowsAt + 1], CultureInfo.InvariantCulture) : 100_000;
var postgres = Environment.GetEnvironmentVariable("PNX_BENCH_POSTGRES");
if (string.IsNullOrWhiteSpace(postgres)) postgres = null;

if (what == "phases") { Phases.Run(rows); return 0; }
if (what == "load") return await LoadProcess.MainAsync(args);
if (what == "pages") { await PagesBenchmark.RunAsync(postgres, Console.Out, PagesBenchmark.Usual); return 0; }
if (what == "pages-large") { await PagesBenchmark.RunAsync(postgres, Console.Out, PagesBenchmark.Large); return 0; }
if (what is "import" or "all") await ImportBenchmark.RunAsync(postgres, rows, Console.Out);
if (what is "cli" or "import" or "all") await CliBenchmark.RunAsync(postgres, rows, Console.Out);
if (what is "web" or "all") await WebBenchmark.RunAsync(postgres, Console.Out);
if (what is "matching" or "all") await MatchingBenchmark.RunAsync(postgres, Console.Out);
if (what is "api" or "all") await ApiBenchmark.RunAsync(postgres, Console.Out);
if (what is not ("import" or "cli" or "web" or "matching" or "api" or "all"))
{
    await Console.Error.WriteLineAsync("usage: bench.sh [import|cli|web|pages|pages-large|matching|api|phases|all] [--rows N]");
    return 2;
}

return 0;
