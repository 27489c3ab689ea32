using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Pnx.Benchmarks.Web;

/// <summary>
/// The load generator in its own process (so its CPU is not the servers' thread pool): the benchmark starts
/// `Pnx.Benchmarks.dll load URL COOKIE CONNECTIONS WARMUP_S DURATION_S`. When the warm-up time has passed the child says
/// so and keeps the load on until the benchmark, once the servers' JIT is quiet, tells it to measure (from where the
/// benchmark counts the servers' CPU, allocations and JIT work); then it reads the result line back.
/// </summary>
internal static class LoadProcess
{
    public static async Task<LoadResult> RunAsync(Uri url, string cookie, int connections, TimeSpan warmUp, TimeSpan duration)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
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

        using var process = Process.Start(start) ?? throw new InvalidOperationException("the load process did not start");
        // The servers live in this process: its CPU over the measured part, per request, is what one page costs them, a
        // figure that other work on the machine disturbs far less than throughput. Bytes allocated per request: what the
        // garbage collector must clean up, and unlike time, not disturbed by other work.
        (TimeSpan Cpu, long Allocated, TimeSpan Jit)? from = null;
        var waitedForJit = TimeSpan.Zero;
        string? output = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line != WarmedUpLine)
            {
                output = line;
                continue;
            }

            var waiting = Stopwatch.StartNew();
            await JitQuietAsync();
            waitedForJit = waiting.Elapsed;
            from = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(), JitInfo.GetCompilationTime());
            await process.StandardInput.WriteLineAsync(MeasureLine);
            await process.StandardInput.FlushAsync();
        }

        await process.WaitForExitAsync();
        var parts = output?.Trim().Split(' ') ?? [];
        if (process.ExitCode != 0 || parts.Length != 5 || from is not var (cpuFrom, allocatedFrom, jitFrom))
        {
            throw new InvalidOperationException("the load process failed: " + output);
        }

        var (cpu, allocated, jit) = (Process.GetCurrentProcess().TotalProcessorTime - cpuFrom, GC.GetTotalAllocatedBytes() - allocatedFrom, JitInfo.GetCompilationTime() - jitFrom);
        var requests = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return new LoadResult(requests, int.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture), double.Parse(parts[4], CultureInfo.InvariantCulture))
        {
            CpuMsPerRequest = requests == 0 ? double.NaN : cpu.TotalMilliseconds / requests,
            AllocatedKbPerRequest = requests == 0 ? double.NaN : allocated / 1024.0 / requests,
            JitMs = jit.TotalMilliseconds,
            WarmUpAddedForJit = waitedForJit,
        };
    }

    /// <summary>
    /// Under the warm-up's load, waits until the servers' process has stopped compiling: less than <see cref="QuietJit"/>
    /// of JIT work in each of two seconds in a row (it recompiles in bursts), two minutes at most. The tiered JIT
    /// recompiles a page's hot methods (and EF Core's, ASP.NET Core's, the set-up's) on one background thread for many
    /// seconds after they are first called: the first page of a run had about 4 s of JIT in a 6 s measured part after a
    /// 5 s warm-up. That is a starting process's cost, not a page's; <see cref="LoadResult.JitMs"/> shows what remained in
    /// the measured part.
    /// </summary>
    private static async Task JitQuietAsync()
    {
        var giveUpAt = DateTime.UtcNow.AddMinutes(2);
        var before = JitInfo.GetCompilationTime();
        var quietSeconds = 0;
        while (DateTime.UtcNow < giveUpAt && quietSeconds < 2)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = JitInfo.GetCompilationTime();
            quietSeconds = now - before < QuietJit ? quietSeconds + 1 : 0;
            before = now;
        }
    }

    private static readonly TimeSpan QuietJit = TimeSpan.FromMilliseconds(20);

    /// <summary>What the child writes when its warm-up time has passed, and what it waits for before it measures.</summary>
    private const string WarmedUpLine = "warmed-up", MeasureLine = "measure";

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
            TimeSpan.FromSeconds(double.Parse(args[4], CultureInfo.InvariantCulture)), TimeSpan.FromSeconds(double.Parse(args[5], CultureInfo.InvariantCulture)),
            warmedUp: async () =>
            {
                await Console.Out.WriteLineAsync(WarmedUpLine);
                if (await Console.In.ReadLineAsync() != MeasureLine) throw new InvalidOperationException("the benchmark did not say when to measure");
            });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Requests} {result.Errors} {result.RequestsPerSecond:F1} {result.P50Ms:F2} {result.P99Ms:F2}"));
        return 0;
    }
}
