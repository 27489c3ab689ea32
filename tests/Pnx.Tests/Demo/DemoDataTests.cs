using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pnx.Cli;
using Pnx.Demo;
using Pnx.Hosting;
using Pnx.Protocols;
using Pnx.Retention;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Demo;

public sealed class DemoDataTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(PnxCli.DefaultNow.UtcDateTime);

    private static async Task<string> EnsureAsync(TestDatabase database)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(database.Settings, output, error, new FakeTimeProvider(PnxCli.DefaultNow));
        await DemoData.EnsureAsync(context, CancellationToken.None);
        Assert.Equal("", error.ToString());
        return output.ToString();
    }

    [Fact]
    public async Task DemoSeedingCreatesThreeMunicipalitiesWithActiveProtocolsAndNewcomers()
    {
        await using var database = await TestDatabase.CreateAsync();

        var output = await EnsureAsync(database);

        await using var db = database.Open();
        var municipalities = await db.Municipalities.OrderBy(m => m.NisCode).ToListAsync();
        Assert.Equal(["12025", "23027", "23088"], municipalities.Select(m => m.NisCode));
        Assert.Equal(["Mechelen", "Halle", "Vilvoorde"], municipalities.Select(m => m.Name));
        foreach (var municipality in municipalities)
        {
            Assert.True(await db.HasActiveProtocolAsync(municipality.Id, Today, CancellationToken.None), municipality.Name);
            Assert.True(await db.Newcomers.CountAsync(n => n.MunicipalityId == municipality.Id) >= 100, municipality.Name);
        }

        var total = await db.Newcomers.CountAsync();
        var lines = output.TrimEnd().Split(Environment.NewLine);
        Assert.Equal($"demo data: 3 municipalities, {total} newcomers", lines[0]);
        Assert.Matches("^demo catalogue: [0-9]+ activities, [0-9]+ enrolments$", Assert.Single(lines[1..]));
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Action == "demo.seed"));
        Assert.Equal("AgII-2024-HALLE", (await db.Protocols.SingleAsync(p => p.Municipality!.NisCode == "23027")).Reference);
    }

    [Fact]
    public async Task DemoSeedingIsIdempotent()
    {
        await using var database = await TestDatabase.CreateAsync();
        await EnsureAsync(database);
        int newcomers, entries;
        await using (var db = database.Open())
        {
            newcomers = await db.Newcomers.CountAsync();
            entries = await db.AuditEntries.CountAsync();
        }

        var second = await EnsureAsync(database);

        Assert.Equal("", second);
        await using var after = database.Open();
        Assert.Equal(3, await after.Municipalities.CountAsync());
        Assert.Equal(3, await after.Protocols.CountAsync());
        Assert.Equal(newcomers, await after.Newcomers.CountAsync());
        Assert.Equal(entries, await after.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task DemoSeedingLeavesADatabaseWithMunicipalitiesAlone()
    {
        await using var database = await TestDatabase.CreateAsync();
        await PnxCli.For(database).RunExpectingAsync(ExitCodes.Done, "municipality", "add", "--nis", "44021", "--name", "Gent");

        Assert.Equal("", await EnsureAsync(database));

        await using var db = database.Open();
        Assert.Equal(1, await db.Municipalities.CountAsync());
        Assert.Equal(0, await db.Newcomers.CountAsync());
    }

    [Fact]
    public async Task DemoNewcomersArePlainlySyntheticAndWithinRetention()
    {
        await using var database = await TestDatabase.CreateAsync();
        await EnsureAsync(database);

        await using var db = database.Open();
        var newcomers = await db.Newcomers.Include(n => n.Municipality).ToListAsync();
        var postcodes = new Dictionary<string, string> { ["23027"] = "1500", ["23088"] = "1800", ["12025"] = "2800" };
        Assert.All(newcomers, n =>
        {
            Assert.Matches(@"^D-202[4-6]-[0-9]{6}$", n.DossierNumber);
            Assert.False(string.IsNullOrWhiteSpace(n.FamilyName));
            Assert.False(string.IsNullOrWhiteSpace(n.GivenNames));
            Assert.Equal(postcodes[n.Municipality!.NisCode], n.PostalCode);
            Assert.Equal(n.Municipality.Name, n.City);
            if (n.Email is not null) Assert.EndsWith("@demo.invalid", n.Email, StringComparison.Ordinal);
            if (n.Phone is not null) Assert.Matches(@"^\+32[0-9]{8,9}$", n.Phone);
            if (n.CertificateDate is { } date)
            {
                Assert.True(date <= Today, $"{n.DossierNumber}: certificate in the future");
                Assert.True(date >= Today.AddMonths(-5), $"{n.DossierNumber}: certificate older than 5 months");
                Assert.False(RetentionRules.HasEnded(date, Today));
            }

            Assert.Null(n.WithdrawnAt);
            Assert.Null(n.ErasedAt);
        });
        Assert.Equal(newcomers.Count, newcomers.Select(n => (n.MunicipalityId, n.DossierNumber)).Distinct().Count());
        Assert.Contains(newcomers, n => n.CertificateDate is not null);
        Assert.True(newcomers.Count(n => n.CertificateDate is null) > newcomers.Count / 2, "most have no certificate yet");
        Assert.True(newcomers.Select(n => n.ContactLanguage).Distinct().Count() >= 8, "a spread of contact languages");
        Assert.Contains(newcomers, n => n.Interests == Pnx.Newcomers.InterestsAndNeeds.Geen);
        Assert.Contains(newcomers, n => n.Interests == Pnx.Newcomers.InterestsAndNeeds.None);
        Assert.Contains(newcomers, n => n.DutchLevel is null);
    }

    [Fact]
    public async Task DemoDataCanBeExportedAndTheTrailVerifies()
    {
        await using var database = await TestDatabase.CreateAsync();
        await EnsureAsync(database);
        var cli = PnxCli.For(database);
        var path = Path.Combine(database.Settings.DataDir, "halle.csv");

        var run = await cli.RunExpectingAsync(ExitCodes.Done, "export", "--municipality", "23027", "--format", "csv", "--out", path);

        Assert.Matches(new Regex("^23027 Halle: [0-9]+ newcomers exported to "), run.Out);
        await cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
    }

    [Fact]
    public async Task LandingPageListsDemoMunicipalitiesWithoutCountsOrPersonalData()
    {
        await using var database = await TestDatabase.CreateAsync();
        await EnsureAsync(database);
        string familyName;
        await using (var db = database.Open())
        {
            familyName = await db.Newcomers.OrderBy(n => n.Id).Select(n => n.FamilyName!).FirstAsync();
        }

        await using var app = WebHost.Build(database.Settings, new FakeTimeProvider(PnxCli.DefaultNow), "http://127.0.0.1:0");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var html = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        var css = await http.GetAsync(new Uri("/static/pnx.css", UriKind.Relative));

        Assert.Contains("<td>Halle</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Vilvoorde</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Mechelen</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">350<", html, StringComparison.Ordinal);
        Assert.Contains("actief tot", html, StringComparison.Ordinal);
        Assert.DoesNotContain(familyName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/static/pnx.css\"", html, StringComparison.Ordinal);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        await app.StopAsync();
    }
}
