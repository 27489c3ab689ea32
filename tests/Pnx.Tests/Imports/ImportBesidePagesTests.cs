using System.Diagnostics;
using System.Globalization;
using Pnx.Access;
using Pnx.Hosting;
using Pnx.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Pnx.Tests.Imports;

/// <summary>
/// An import must not hold up the pages. Every page appends an audit entry, which on SQLite needs the one
/// write lock; the import therefore reads, validates and stages its rows before its write transaction and
/// keeps that transaction short. Speed belongs to benchmarks, so this test asserts that pages keep answering
/// (every one a 200, many of them while the import runs) and only prints the slowest page; it runs alone so
/// that the printed figure means something.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class ImportBesidePagesTests(ITestOutputHelper output)
{
    /// <summary>
    /// The write transaction still grows with the rows it writes: on a 2-core machine 150,000 new rows hold
    /// SQLite's write lock for about 2 s (inserting into the table and its three indexes, the audit entry
    /// naming every dossier, the commit's fsync); 30,000 for about half a second.
    /// </summary>
    private const int Rows = 30_000;
    private const string List = "/gemeenten/23027/inburgeraars";

    [Fact]
    public async Task PagesKeepAnsweringWhileALargeImportRuns()
    {
        // Pages are asked back to back, faster than the per-user rate limit allows.
        await using var web = await TestWeb.StartAsync(limits: new WebLimits(ReadsPerMinute: 100_000));
        using var client = await web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        await client.GetPageAsync(List);
        var path = Path.Combine(web.Database.Settings.DataDir, "big.csv");
        await File.WriteAllTextAsync(path, ImportWorkspace.Csv(Rows));

        // As an operator would: `pnx import` on the server's database while the server runs.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Pnx.dll"), "import", "--file", path, "--municipality", "23027", "--mode", "upsert" })
            start.ArgumentList.Add(argument);
        start.Environment["PNX_DATA_DIR"] = web.Database.Settings.DataDir;
        start.Environment["PNX_DATABASE"] = web.Database.Settings.PostgresConnectionString ?? "";
        var clock = Stopwatch.StartNew();
        using var import = Process.Start(start)!;
        var printed = import.StandardOutput.ReadToEndAsync();
        var errors = import.StandardError.ReadToEndAsync();

        var slowest = TimeSpan.Zero;
        var pages = 0;
        while (!import.HasExited)
        {
            var page = Stopwatch.StartNew();
            await client.GetPageAsync(List);
            pages++;
            if (page.Elapsed > slowest) slowest = page.Elapsed;
            if (page.Elapsed > TimeSpan.FromMilliseconds(300))
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.ElapsedMilliseconds} ms into the import a page took {page.ElapsedMilliseconds} ms"));
        }

        await import.WaitForExitAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import {clock.ElapsedMilliseconds} ms, {pages} pages, slowest {slowest.TotalMilliseconds:0} ms"));
        Assert.True(import.ExitCode == 0, await errors);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"23027 Halle: {Rows} created"), await printed, StringComparison.Ordinal);
        Assert.True(pages >= 5, $"only {pages} pages were asked during the import");
    }
}

/// <summary>Tests that measure time run outside the parallel test collections.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
