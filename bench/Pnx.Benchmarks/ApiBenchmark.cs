using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Pnx.Api.Clients;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Imports;

namespace Pnx.Benchmarks;

/// <summary>
/// `./bench.sh api`: a push of 10,000 newcomers through the real host (rows/s, and its ratio to the file import
/// of the same rows), and reading 1,000,000 status changes through the feed in pages of 1,000 (items/s).
/// </summary>
internal static class ApiBenchmark
{
    private const int PushRows = 10_000;
    private const int FeedItems = 1_000_000;

    public static async Task RunAsync(string? postgresBase, TextWriter output)
    {
        foreach (var engine in postgresBase is null ? new string?[] { null } : [null, postgresBase])
        {
            var name = engine is null ? "SQLite" : "PostgreSQL";
            var push = await PushAsync(engine);
            var file = await FileImportAsync(engine);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"api {name}: push of {PushRows:N0} newcomers {push.TotalSeconds:F2} s = {PushRows / push.TotalSeconds:N0} rows/s; " +
                $"file import of the same rows {file.TotalSeconds:F2} s = {PushRows / file.TotalSeconds:N0} rows/s; push/file speed ratio {file.TotalSeconds / push.TotalSeconds:F2}"));
            var (items, feed) = await FeedAsync(engine);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"api {name}: feed read {items:N0} status changes in {feed.TotalSeconds:F1} s = {items / feed.TotalSeconds:N0} items/s (pages of 1,000)"));
        }
    }

    private static async Task<TimeSpan> PushAsync(string? postgresBase)
    {
        var (settings, _) = await BenchDatabases.CreateAsync(postgresBase);
        await using var app = await StartAsync(settings);
        using var http = await ClientAsync(app, settings);
        var body = JsonSerializer.Serialize(new { mode = "snapshot", newcomers = Enumerable.Range(0, PushRows).Select(Newcomer).ToList() });
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsync(new Uri("/api/v1/municipalities/23027/newcomers", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        watch.Stop();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException("push failed: " + await response.Content.ReadAsStringAsync());
        return watch.Elapsed;
    }

    private static async Task<TimeSpan> FileImportAsync(string? postgresBase)
    {
        var (settings, _) = await BenchDatabases.CreateAsync(postgresBase);
        var path = Path.Combine(settings.DataDir, "export.csv");
        SyntheticExport.WriteCsv(path, PushRows);
        await using var db = PnxDbFactory.Create(settings);
        var watch = Stopwatch.StartNew();
        var outcome = await NewcomerImport.RunAsync(db, TimeProvider.System, path, new ImportOptions("23027"));
        watch.Stop();
        if (outcome.ExitCode != 0) throw new InvalidOperationException("file import failed: " + string.Join("; ", outcome.Errors));
        return watch.Elapsed;
    }

    private static async Task<(int Items, TimeSpan Elapsed)> FeedAsync(string? postgresBase)
    {
        var (settings, municipalityId) = await BenchDatabases.CreateAsync(postgresBase);
        await using (var db = PnxDbFactory.Create(settings))
        {
            var at = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var sql = db.Engine == DatabaseEngine.Postgres
                ? $"""
                  INSERT INTO enrolment_status_changes ("EnrolmentId", "MunicipalityId", "MunicipalityNis", "DossierNumber", "ActivityId", "Status", "Hours", "At", "Actor")
                  SELECT i, {municipalityId}, '23027', 'D-2024-' || lpad(i::text, 7, '0'), 1 + i % 50, 'Gestart', 2.5, TIMESTAMP '{at}', 'bench' FROM generate_series(1, {FeedItems}) AS i
                  """
                : $"""
                  INSERT INTO enrolment_status_changes (EnrolmentId, MunicipalityId, MunicipalityNis, DossierNumber, ActivityId, Status, Hours, At, Actor)
                  WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {FeedItems})
                  SELECT i, {municipalityId}, '23027', 'D-2024-' || substr('0000000' || i, -7), 1 + i % 50, 'Gestart', 2.5, '{at}', 'bench' FROM s
                  """;
            db.Database.SetCommandTimeout(600);
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        await using var app = await StartAsync(settings);
        using var http = await ClientAsync(app, settings);
        var items = 0;
        string? after = null;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var page = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/status-changes?limit=1000" + (after is null ? "" : "&after=" + after), UriKind.Relative));
            var count = page.GetProperty("items").GetArrayLength();
            if (count == 0) break;
            items += count;
            after = page.GetProperty("next").GetString();
        }

        watch.Stop();
        return (items, watch.Elapsed);
    }

    private static async Task<WebApplication> StartAsync(PnxSettings settings)
    {
        var app = WebHost.Build(settings, TimeProvider.System, "http://127.0.0.1:0", new WebLimits(1000, 1_000_000));
        await app.StartAsync();
        return app;
    }

    private static async Task<HttpClient> ClientAsync(WebApplication app, PnxSettings settings)
    {
        await using var db = PnxDbFactory.Create(settings);
        var (client, _) = await ApiClients.AddAsync(db, TimeProvider.System, "bench", null, 100_000, "bench", CancellationToken.None);
        var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(10) };
        using var token = await http.PostAsync(new Uri("/api/v1/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = client!.ClientId, ["client_secret"] = client.ClientSecret,
        }));
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return http;
    }

    /// <summary>The same synthetic row the file import reads, as the JSON of contract §8.</summary>
    private static Dictionary<string, object?> Newcomer(int i)
    {
        var row = SyntheticExport.Row(i);
        string? Cell(int column) => row[column].Length == 0 ? null : row[column];
        var date = Cell(14) is { } text ? DateOnly.ParseExact(text, "d/M/yyyy", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        return new Dictionary<string, object?>
        {
            ["dossierNumber"] = row[0], ["familyName"] = row[1], ["givenNames"] = row[2], ["street"] = Cell(3), ["houseNumber"] = Cell(4), ["box"] = Cell(5),
            ["postalCode"] = Cell(6), ["city"] = Cell(7), ["phone"] = Cell(8), ["email"] = Cell(9), ["contactLanguage"] = Cell(10), ["dutchLevel"] = Cell(11),
            ["civicOrientationStatus"] = Cell(12), ["interests"] = Cell(13)?.Split('|'), ["certificateDate"] = date,
        };
    }
}
