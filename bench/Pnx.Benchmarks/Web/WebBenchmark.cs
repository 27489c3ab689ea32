using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pnx.Access;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Demo;
using Pnx.Hosting;

namespace Pnx.Benchmarks.Web;

/// <summary>
/// The signed-in web pages under load (issue 3, point 9): a municipality of 5,000 newcomers and 1,000,000
/// audit entries, one case worker, 16 concurrent loopback clients per scenario, on SQLite and on PostgreSQL.
/// Every page read appends its audit entry, so the figures include the audit write.
/// </summary>
public static class WebBenchmark
{
    private const string Nis = "23027";
    private const int Newcomers = 5_000;
    private const int AuditEntries = 1_000_000;
    /// <summary>16 clients by default; PNX_BENCH_CLIENTS=1 shows the latency of one request on an idle server.</summary>
    private static readonly int Concurrency =
        int.TryParse(Environment.GetEnvironmentVariable("PNX_BENCH_CLIENTS"), CultureInfo.InvariantCulture, out var clients) && clients > 0 ? clients : 16;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    /// <summary>The scenarios, in one place: {nis} and {id} (a newcomer of that municipality) are filled in.</summary>
    private static readonly (string Name, string Path)[] Scenarios =
    [
        ("newcomer list", "/gemeenten/{nis}/inburgeraars"),
        ("filtered list", "/gemeenten/{nis}/inburgeraars?niveau=A1"),
        ("newcomer detail", "/gemeenten/{nis}/inburgeraars/{id}"),
    ];

    /// <summary>Measured instead when no scenario page answers yet, so the harness itself stays exercised.</summary>
    private const string StandIn = "/start";

    public static async Task RunAsync(string? postgresBase, TextWriter output)
    {
        await RunEngineAsync(null, output);
        if (string.IsNullOrWhiteSpace(postgresBase)) await output.WriteLineAsync("web postgres: skipped (PNX_BENCH_POSTGRES is not set)");
        else await RunEngineAsync(postgresBase, output);
    }

    private static async Task RunEngineAsync(string? postgresBase, TextWriter output)
    {
        var engine = postgresBase is null ? "sqlite" : "postgres";
        await using var database = await BenchDatabase.CreateAsync(postgresBase);
        var settings = database.Settings;
        await PnxDbFactory.MigrateAsync(settings);
        using (var quiet = new StringWriter())
        {
            await DemoData.EnsureAsync(new CliContext(settings, quiet, quiet, TimeProvider.System), CancellationToken.None);
        }

        int municipalityId, existing;
        await using (var db = PnxDbFactory.Create(settings))
        {
            municipalityId = await db.Municipalities.Where(m => m.NisCode == Nis).Select(m => m.Id).SingleAsync();
            existing = await db.Newcomers.CountAsync(n => n.MunicipalityId == municipalityId);
        }

        var extra = Newcomers - existing;
        _ = settings.UsesPostgres ? await RawLimits.PostgresAsync(settings, municipalityId, extra) : await RawLimits.SqliteAsync(settings, municipalityId, extra);
        var seeded = await AuditSeeder.AppendAsync(settings, Nis, AuditEntries);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"web {engine}: {Newcomers} newcomers in {Nis}, {AuditEntries} audit entries chained in {seeded.TotalSeconds:F1} s"));

        var app = WebHost.Build(settings, TimeProvider.System, "http://127.0.0.1:0", new WebLimits(SignInsPerMinute: 1000, ReadsPerMinute: 100_000_000));
        await app.StartAsync();
        try
        {
            IReadOnlyList<DemoAccount> accounts;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                accounts = await DemoAccounts.EnsureAsync(scope.ServiceProvider, TimeProvider.System, CancellationToken.None);
            }

            using var client = new BenchClient(new Uri(app.Urls.First()), Concurrency);
            await client.SignInAsync(accounts.First(a => a.Role == Role.MunicipalCaseWorker && a.MunicipalityNis == Nis));
            long newcomerId;
            await using (var db = PnxDbFactory.Create(settings))
            {
                newcomerId = await db.Newcomers.Where(n => n.MunicipalityId == municipalityId).MinAsync(n => n.Id);
            }

            foreach (var (name, path) in await AvailableAsync(client.Http, newcomerId, engine, output))
            {
                var result = await LoadDriver.RunAsync(client.Http, path, Concurrency, WarmUp, Duration);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"web {engine,-8} {name,-18} {result.RequestsPerSecond,8:F0} req/s  p50 {result.P50Ms,7:F1} ms  p99 {result.P99Ms,7:F1} ms  ({result.Requests} requests, {result.Errors} not 200; {Concurrency} clients, {Duration.TotalSeconds:F0} s after {WarmUp.TotalSeconds:F0} s warm-up)  {path}"));
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>The scenarios whose page answers 200 now; the stand-in when none does.</summary>
    private static async Task<List<(string Name, string Path)>> AvailableAsync(HttpClient http, long newcomerId, string engine, TextWriter output)
    {
        var available = new List<(string, string)>();
        foreach (var (name, template) in Scenarios)
        {
            var path = template.Replace("{nis}", Nis, StringComparison.Ordinal).Replace("{id}", newcomerId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            using var probe = await http.GetAsync(new Uri(path, UriKind.Relative));
            if (probe.IsSuccessStatusCode) available.Add((name, path));
            else await output.WriteLineAsync($"web {engine}: {name} {path} answers {(int)probe.StatusCode}, not measured");
        }

        if (available.Count == 0) available.Add(("stand-in /start", StandIn));
        return available;
    }
}

/// <summary>A throwaway database for one run: a SQLite file in a temporary folder, or a new PostgreSQL database.</summary>
internal sealed class BenchDatabase(PnxSettings settings, string? postgresBase, string? postgresName) : IAsyncDisposable
{
    public PnxSettings Settings { get; } = settings;

    public static async Task<BenchDatabase> CreateAsync(string? postgresBase)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "pnx-bench-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        if (postgresBase is null) return new BenchDatabase(new PnxSettings(dataDir, null), null, null);
        var name = "pnx_bench_web_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(postgresBase, $"CREATE DATABASE {name}");
        return new BenchDatabase(new PnxSettings(dataDir, postgresBase + ";Database=" + name), postgresBase, name);
    }

    private static async Task ExecuteAsync(string postgresBase, string sql)
    {
        await using var connection = new NpgsqlConnection(postgresBase + ";Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresBase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(postgresBase, $"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)");
        }

        SqliteConnection.ClearAllPools();
        // PNX_BENCH_KEEP=1 keeps the SQLite database for a look at its plans afterwards (sqlite3 DIR/pnx.db).
        if (Environment.GetEnvironmentVariable("PNX_BENCH_KEEP") == "1" && postgresBase is null) await Console.Error.WriteLineAsync("kept " + Settings.DataDir);
        else Directory.Delete(Settings.DataDir, recursive: true);
    }
}
