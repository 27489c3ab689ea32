using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pnx.Access;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Demo;
using Pnx.Hosting;

namespace Pnx.Benchmarks.Web;

/// <summary>
/// `./bench.sh pages` (issue 10, point 6): in one run, per engine, the minimal app (<see cref="MinimalApp"/>) and the real
/// app (signed in as a case worker, authorised, every view audited) over the same database, list and detail (the detail
/// against the minimal one-row page and the minimal page of the same case file), each with
/// 16 connections from a load generator in its own process; prints throughput, p50, p99 and real ÷ minimal.
/// PNX_BENCH_NEWCOMERS (default 5,000; `pages-large`: 100,000) newcomers in Halle and PNX_BENCH_AUDIT (default 1,000,000;
/// `pages-large`: 10,000,000) audit entries;
/// PNX_BENCH_SECONDS (default 10) measured after PNX_BENCH_WARMUP (default 5) seconds; PNX_BENCH_ENGINE=sqlite or postgres runs one engine;
/// PNX_BENCH_PAGES=list (detail, mijn, inschrijving, zoek) measures that page only, for a quick before and after.
/// </summary>
public static class PagesBenchmark
{
    /// <summary>The newcomers in one municipality and the audit entries before the pages are measured.</summary>
    public sealed record Size(int Newcomers, int AuditEntries);

    /// <summary>`./bench.sh pages`.</summary>
    public static readonly Size Usual = new(5_000, 1_000_000);

    /// <summary>`./bench.sh pages-large`: issue 10's "100,000 newcomers in one municipality and 10 million audit entries".</summary>
    public static readonly Size Large = new(100_000, 10_000_000);

    private const string Nis = "23027";
    private const int Connections = 16;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : fallback;

    public static async Task RunAsync(string? postgresBase, TextWriter output, Size size)
    {
        var only = Environment.GetEnvironmentVariable("PNX_BENCH_ENGINE");
        if (only != "postgres") await RunEngineAsync(null, output, size);
        if (only == "sqlite") return;
        if (string.IsNullOrWhiteSpace(postgresBase)) await output.WriteLineAsync("pages postgres: skipped (PNX_BENCH_POSTGRES is not set)");
        else await RunEngineAsync(postgresBase, output, size);
    }

    private static async Task RunEngineAsync(string? postgresBase, TextWriter output, Size size)
    {
        var engine = postgresBase is null ? "sqlite" : "postgres";
        var newcomers = Setting("PNX_BENCH_NEWCOMERS", size.Newcomers);
        var auditEntries = Setting("PNX_BENCH_AUDIT", size.AuditEntries);
        var warmUp = TimeSpan.FromSeconds(Setting("PNX_BENCH_WARMUP", 5));
        var duration = TimeSpan.FromSeconds(Setting("PNX_BENCH_SECONDS", 10));
        await using var database = await BenchDatabase.CreateAsync(postgresBase);
        var settings = database.Settings;
        await PnxDbFactory.MigrateAsync(settings);
        using (var quiet = new StringWriter())
        {
            await DemoData.EnsureAsync(new CliContext(settings, quiet, quiet, TimeProvider.System), CancellationToken.None);
        }

        int municipalityId;
        long newcomerId;
        await using (var db = PnxDbFactory.Create(settings))
        {
            municipalityId = await db.Municipalities.Where(m => m.NisCode == Nis).Select(m => m.Id).SingleAsync();
            var extra = newcomers - await db.Newcomers.CountAsync(n => n.MunicipalityId == municipalityId);
            if (extra > 0) _ = settings.UsesPostgres ? await RawLimits.PostgresAsync(settings, municipalityId, extra) : await RawLimits.SqliteAsync(settings, municipalityId, extra);
            newcomerId = await db.Newcomers.Where(n => n.MunicipalityId == municipalityId).MinAsync(n => n.Id);
            if (settings.UsesPostgres) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }

        var seeded = await AuditSeeder.AppendAsync(settings, Nis, auditEntries);
        if (!settings.UsesPostgres)
        {
            await using var db = PnxDbFactory.Create(settings);
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"pages {engine}: {newcomers:N0} newcomers in {Nis}, {auditEntries:N0} audit entries (chained in {seeded.TotalSeconds:F1} s); {Connections} connections, {duration.TotalSeconds:F0} s after a warm-up of {warmUp.TotalSeconds:F0} s and then until the JIT is quiet, load generator in its own process"));

        var real = WebHost.Build(settings, TimeProvider.System, "http://127.0.0.1:0", new WebLimits(SignInsPerMinute: 1000, ReadsPerMinute: 100_000_000));
        var minimal = MinimalApp.Build(settings);
        await real.StartAsync();
        await minimal.StartAsync();
        try
        {
            IReadOnlyList<DemoAccount> accounts;
            await using (var scope = real.Services.CreateAsyncScope())
            {
                accounts = await DemoAccounts.EnsureAsync(scope.ServiceProvider, TimeProvider.System, CancellationToken.None);
            }

            var realBase = new Uri(real.Urls.First());
            using var client = new BenchClient(realBase, Connections);
            await client.SignInAsync(accounts.First(a => a.Role == Role.MunicipalCaseWorker && a.MunicipalityNis == Nis));
            var cookie = client.Cookies.GetCookieHeader(realBase);
            var minimalBase = new Uri(minimal.Urls.First());
            var id = newcomerId.ToString(CultureInfo.InvariantCulture);
            // The detail against two minimal pages: one newcomer's row (the ceiling of reading a person), and the same case file
            // the real page shows (the same data, plain LINQ, no sign-in, authorisation, audit or layout).
            (string Page, (string App, string Against, Uri Url)[] Minimal, Uri Real)[] pages =
            [
                ("list", [("minimal", "", new Uri(minimalBase, $"/list/{municipalityId}"))], new Uri(realBase, $"/gemeenten/{Nis}/inburgeraars")),
                ("detail", [
                    ("minimal", " (against the minimal one-row page)", new Uri(minimalBase, $"/detail/{id}")),
                    ("min-case", " (against the minimal page of the same case file)", new Uri(minimalBase, $"/casefile/{municipalityId}/{id}")),
                ], new Uri(realBase, $"/gemeenten/{Nis}/inburgeraars/{id}")),
            ];
            var onlyPage = Environment.GetEnvironmentVariable("PNX_BENCH_PAGES");
            foreach (var (page, minimalPages, realUrl) in pages.Where(p => string.IsNullOrEmpty(onlyPage) || p.Page == onlyPage))
            {
                var ceilings = new List<(string App, string Against, LoadResult Result)>();
                foreach (var (app, against, url) in minimalPages) ceilings.Add((app, against, await LoadProcess.RunAsync(url, "", Connections, warmUp, duration)));
                var measured = await LoadProcess.RunAsync(realUrl, cookie, Connections, warmUp, duration);
                foreach (var (app, _, ceiling) in ceilings) await output.WriteLineAsync(Line(engine, page, app, ceiling));
                await output.WriteLineAsync(Line(engine, page, "real", measured));
                foreach (var (_, against, ceiling) in ceilings)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"pages {engine,-8} {page,-6} ratio  {measured.RequestsPerSecond / ceiling.RequestsPerSecond:F2}x  (goal >= 0.70x, real p99 {measured.P99Ms:F1} ms, goal < 50 ms); server CPU per request {ceiling.CpuMsPerRequest / measured.CpuMsPerRequest:F2}x{against}"));
                }
            }

            // The list as a case worker narrows it: their own newcomers, an enrolment status, a name. The minimal app has no
            // filters, so these are the real app's figures only, against the p99 goal.
            if (onlyPage is "list" or "detail") return;
            var caseWorker = accounts.First(a => a.Role == Role.MunicipalCaseWorker && a.MunicipalityNis == Nis);
            var name = await AssignAndPickANameAsync(settings, municipalityId, caseWorker.Email);
            var list = $"/gemeenten/{Nis}/inburgeraars";
            (string Page, string Path)[] narrowed =
            [
                ("mijn", list + "?mijn=1"),
                ("inschrijving", list + "?inschrijving=voorgesteld"),
                ("zoek", await client.SearchAsync(list, name)),
            ];
            foreach (var (page, path) in narrowed.Where(p => string.IsNullOrEmpty(onlyPage) || p.Page == onlyPage))
            {
                var measured = await LoadProcess.RunAsync(new Uri(realBase, path), cookie, Connections, warmUp, duration);
                await output.WriteLineAsync(Line(engine, "list " + page, "real", measured) + " (goal p99 < 50 ms)");
            }
        }
        finally
        {
            await minimal.StopAsync();
            await real.StopAsync();
            await minimal.DisposeAsync();
            await real.DisposeAsync();
        }
    }

    /// <summary>Assigns every 500th newcomer of the municipality to the case worker (a caseload among many); a name of the demo's to search for.</summary>
    private static async Task<string> AssignAndPickANameAsync(PnxSettings settings, int municipalityId, string caseWorkerEmail)
    {
        await using var db = PnxDbFactory.Create(settings);
        var userId = await db.Users.Where(u => u.Email == caseWorkerEmail).Select(u => u.Id).SingleAsync();
        var ids = await db.Newcomers.Where(n => n.MunicipalityId == municipalityId).OrderBy(n => n.Id).Select(n => n.Id).ToListAsync();
        var assigned = await db.NewcomerAssignments.Where(a => a.MunicipalityId == municipalityId).Select(a => a.NewcomerId).ToListAsync();
        var now = DateTime.UtcNow;
        db.NewcomerAssignments.AddRange(ids.Where((_, i) => i % 500 == 0).Except(assigned)
            .Select(id => new Pnx.CaseWork.NewcomerAssignment { NewcomerId = id, MunicipalityId = municipalityId, UserId = userId, AssignedAt = now }));
        await db.SaveChangesAsync();
        return await db.Newcomers.Where(n => n.MunicipalityId == municipalityId && n.FamilyName != null && n.FamilyName.Length >= 5)
            .OrderBy(n => n.Id).Select(n => n.FamilyName!).FirstAsync();
    }

    private static string Line(string engine, string page, string app, LoadResult r) => string.Create(CultureInfo.InvariantCulture,
        $"pages {engine,-8} {page,-6} {app,-7} {r.RequestsPerSecond,8:F0} req/s  p50 {r.P50Ms,6:F1} ms  p99 {r.P99Ms,6:F1} ms  ({r.Requests} requests, {r.Errors} not 200; server CPU {r.CpuMsPerRequest:F2} ms, {r.AllocatedKbPerRequest:F0} KB allocated a request; JIT {r.JitMs:F0} ms, warm-up +{r.WarmUpAddedForJit.TotalSeconds:F0} s for it)");
}
