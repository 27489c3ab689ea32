using System.Diagnostics;
using System.Globalization;

namespace Pnx.Benchmarks.Web;

/// <summary>
/// The load generator in its own process (so its CPU is not the servers' thread pool): the benchmark starts
/// `Pnx.Benchmarks.dll load URL COOKIE CONNECTIONS WARMUP_S DURATION_S` and reads one result line back.
/// </summary>
internal static class LoadProcess
{
    public static async Task<LoadResult> RunAsync(Uri url, string cookie, int connections, TimeSpan warmUp, TimeSpan duration)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     typeof(LoadProcess).Assembly.Location, "load", url.ToString(), cookie, connections.ToString(CultureInfo.InvariantCulture),
                     warmUp.TotalSeconds.ToString(CultureInfo.InvariantCulture), duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the load process did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // The servers live in this process: its CPU over the run, per request sent, is what one page costs them, a figure
        // that other work on the machine disturbs far less than throughput.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        // Bytes allocated per request: what the garbage collector must clean up, and unlike time, not disturbed by other work.
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var parts = output.Trim().Split(' ');
        if (process.ExitCode != 0 || parts.Length != 6) throw new InvalidOperationException("the load process failed: " + output);
        var sent = int.Parse(parts[5], CultureInfo.InvariantCulture);
        return new LoadResult(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture), double.Parse(parts[4], CultureInfo.InvariantCulture), sent)
        {
            CpuMsPerRequest = sent == 0 ? double.NaN : cpu.TotalMilliseconds / sent,
            AllocatedKbPerRequest = sent == 0 ? double.NaN : allocated / 1024.0 / sent,
        };
    }

    /// <summary>The child's side: args are URL COOKIE CONNECTIONS WARMUP_S DURATION_S.</summary>
    public static async Task<int> MainAsync(string[] args)
    {
        var url = new Uri(args[1]);
        var connections = int.Parse(args[3], CultureInfo.InvariantCulture);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        { BaseAddress = new Uri(url.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromSeconds(30) };
        if (args[2].Length > 0) http.DefaultRequestHeaders.Add("Cookie", args[2]);
        var result = await LoadDriver.RunAsync(http, url.PathAndQuery, connections,
            TimeSpan.FromSeconds(double.Parse(args[4], CultureInfo.InvariantCulture)), TimeSpan.FromSeconds(double.Parse(args[5], CultureInfo.InvariantCulture)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Requests} {result.Errors} {result.RequestsPerSecond:F1} {result.P50Ms:F2} {result.P99Ms:F2} {result.Sent}"));
        return 0;
    }
}
