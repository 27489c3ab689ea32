using System.Diagnostics;
using System.Net;

namespace Pnx.Benchmarks.Web;

/// <summary>The measured part's figures; <paramref name="Sent"/> counts every request, warm-up included (for the server's CPU per request).</summary>
internal sealed record LoadResult(int Requests, int Errors, double RequestsPerSecond, double P50Ms, double P99Ms, int Sent = 0)
{
    /// <summary>Milliseconds of the server process's CPU per request, set by the caller that measured the server.</summary>
    public double CpuMsPerRequest { get; init; } = double.NaN;

    /// <summary>Kilobytes the server process allocated per request (the load generator runs in its own process).</summary>
    public double AllocatedKbPerRequest { get; init; } = double.NaN;
}

/// <summary>N concurrent loops of GETs against one path for a fixed time after a warm-up; latencies of the measured part only.</summary>
internal static class LoadDriver
{
    public static async Task<LoadResult> RunAsync(HttpClient http, string path, int concurrency, TimeSpan warmUp, TimeSpan duration)
    {
        var uri = new Uri(path, UriKind.Relative);
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>(64 * 1024);
            var errors = 0;
            var sent = 0;
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                if (started >= stopAt) break;
                using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseContentRead);
                var ended = Stopwatch.GetTimestamp();
                sent++;
                if (started < measureFrom) continue;
                if (response.StatusCode != HttpStatusCode.OK) errors++;
                latencies.Add(ended - started);
            }

            return (latencies, errors, sent);
        })).ToList();
        var results = await Task.WhenAll(workers);
        var all = results.SelectMany(r => r.latencies).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(p * all.Length))] * 1000.0 / Stopwatch.Frequency;
        return new LoadResult(all.Length, results.Sum(r => r.errors), all.Length / duration.TotalSeconds, Percentile(0.50), Percentile(0.99), results.Sum(r => r.sent));
    }
}
