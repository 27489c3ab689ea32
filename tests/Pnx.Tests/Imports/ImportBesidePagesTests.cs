using System.Diagnostics;
using Pnx.Access;
using Pnx.Imports;
using Pnx.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Pnx.Tests.Imports;

[Collection(nameof(RunsAlone))]
public sealed class ImportBesidePagesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PagesAnswerWithinASecondDuringALargeImport()
    {
        await using var web = await TestWeb.StartAsync();
        using var client = await web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        await client.GetPageAsync("/gemeenten/23027/inburgeraars");
        var path = Path.Combine(web.Database.Settings.DataDir, "big.csv");
        await File.WriteAllTextAsync(path, ImportWorkspace.Csv(150_000));

        var watch = Stopwatch.StartNew();
        var import = Task.Run(async () =>
        {
            await using var db = web.Database.Open();
            var outcome = await NewcomerImport.RunAsync(db, TimeProvider.System, path, new ImportOptions("23027", ImportMode.Upsert, Actor: "test"));
            return (outcome, watch.Elapsed);
        });
        var latencies = new List<(TimeSpan At, TimeSpan Took)>();
        while (!import.IsCompleted)
        {
            var one = Stopwatch.StartNew();
            await client.GetPageAsync("/gemeenten/23027/inburgeraars");
            latencies.Add((watch.Elapsed, one.Elapsed));
        }

        var (result, took) = await import;
        output.WriteLine($"import {took.TotalMilliseconds:0} ms, exit {result.ExitCode}, {latencies.Count} requests, max {latencies.Max(l => l.Took).TotalMilliseconds:0} ms");
        foreach (var l in latencies.Where(l => l.Took > TimeSpan.FromMilliseconds(200))) output.WriteLine($"  at {l.At.TotalMilliseconds:0}: {l.Took.TotalMilliseconds:0} ms");
        Assert.Equal(0, result.ExitCode);
        Assert.True(latencies.Max(l => l.Took) < TimeSpan.FromSeconds(1));
    }
}

[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
