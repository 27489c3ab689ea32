using System.Diagnostics;
using System.Net;

namespace Pnx.Benchmarks.Web;

/// <summary>The measured part's figures.</summary>
internal sealed record LoadResult(int Requests, int Errors, double RequestsPerSecond, double P50Ms, double P99Ms)
{
    /// <summary>Milliseconds of the server process's CPU per request of the measured part, set by the caller that measured the server.</summary>
    public double CpuMsPerRequest { get; init; } = double.NaN;

    /// <summary>Kilobytes the server process allocated per request of the measured part (the load generator runs in its own process).</summary>
    public double AllocatedKbPerRequest { get; init; } = double.NaN;

    /// <summary>
    /// Milliseconds the server process's JIT compiler worked during the measured part: the tiered JIT recompiles a new
    /// page's hot methods for some seconds after it is first served, which a warm-up must leave behind.
    /// </summary>
    public double JitMs { get; init; } = double.NaN;

    /// <summary>How long the warm-up went on beyond its set time, until the server's JIT was quiet.</summary>
    public TimeSpan WarmUpAddedForJit { get; init; }
}

/// <summary>N concurrent loops of GETs against one path for a fixed time after a warm-up; latencies of the measured part only.</summary>
internal static class LoadDriver
{
    /// <param name="warmedUp">
    /// Awaited once the warm-up time has passed, while the load goes on; the measured part starts when it completes (the
    /// load process hands over to the benchmark, which waits for the server's JIT to go quiet). None: right away.
    /// </param>
    public static async Task<LoadResult> RunAsync(HttpClient http, string path, int concurrency, TimeSpan warmUp, TimeSpan duration, Func<Task>? warmedUp = null)
    {
        var uri = new Uri(path, UriKind.Relative);
        // Until the warm-up ends, nothing is measured and nothing stops.
        var (measureFrom, stopAt) = (long.MaxValue, long.MaxValue);
        var start = Task.Run(async () =>
        {
            await Task.Delay(warmUp);
            if (warmedUp is not null) await warmedUp();
            var now = Stopwatch.GetTimestamp();
            Volatile.Write(ref stopAt, now + (long)(duration.TotalSeconds * Stopwatch.Frequency));
            Volatile.Write(ref measureFrom, now);
        });
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>(64 * 1024);
            var errors = 0;
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                if (started >= Volatile.Read(ref stopAt)) break;
                var measured = started >= Volatile.Read(ref measureFrom);
                using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseContentRead);
                var ended = Stopwatch.GetTimestamp();
                if (!measured) continue;
                if (response.StatusCode != HttpStatusCode.OK) errors++;
                latencies.Add(ended - started);
            }

            return (latencies, errors);
        })).ToList();
        var results = await Task.WhenAll(workers);
        await start;
        var all = results.SelectMany(r => r.latencies).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(p * all.Length))] * 1000.0 / Stopwatch.Frequency;
        return new LoadResult(all.Length, results.Sum(r => r.errors), all.Length / duration.TotalSeconds, Percentile(0.50), Percentile(0.99));
    }
}
