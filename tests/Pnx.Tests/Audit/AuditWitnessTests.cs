using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pnx.Audit;
using Pnx.Cli;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Audit;

/// <summary>The server writes the head to a file outside the database on start and daily (contract §6).</summary>
public sealed class AuditWitnessTests
{
    private static async Task<string[]> LinesAsync(string path, int count)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (File.Exists(path))
            {
                var lines = await File.ReadAllLinesAsync(path);
                if (lines.Length >= count) return lines;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{path} did not reach {count} lines");
    }

    private static async Task<string> HeadAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var newest = await db.AuditEntries.OrderByDescending(e => e.Seq).FirstAsync();
        return $"{newest.Seq} {newest.Hash}";
    }

    [Fact]
    public async Task TheServerAppendsTheHeadToTheWitnessFileOnStartAndEveryDay()
    {
        await using var database = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(PnxCli.DefaultNow);
        var cli = PnxCli.For(database, time);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        var path = database.Settings.AuditWitnessPath;
        var earlier = "2026-06-01T10:00:00Z 0 " + new string('0', 64);
        await File.WriteAllTextAsync(path, earlier + "\n");

        var witness = new AuditWitness(database.Settings, time, NullLogger<AuditWitness>.Instance);
        await witness.StartAsync(CancellationToken.None);
        try
        {
            var onStart = await LinesAsync(path, 2);
            Assert.Equal([earlier, "2026-06-15T10:00:00Z " + await HeadAsync(database)], onStart);

            await cli.AddMunicipalityWithProtocolAsync("44021", "Gent");
            time.Advance(TimeSpan.FromHours(23));
            await Task.Delay(200);
            Assert.Equal(2, (await File.ReadAllLinesAsync(path)).Length);

            time.Advance(TimeSpan.FromHours(1));
            var nextDay = await LinesAsync(path, 3);
            Assert.Equal("2026-06-16T10:00:00Z " + await HeadAsync(database), nextDay[2]);
        }
        finally
        {
            await witness.StopAsync(CancellationToken.None);
        }

        var run = await cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
        Assert.Contains("3 from " + path, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingWitnessFileIsNothingToCheckAndAnUnreadableLineIsSkippedAndNamed()
    {
        await using var database = await TestDatabase.CreateAsync();
        var cli = PnxCli.For(database);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        var quiet = await cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
        Assert.DoesNotContain("expected entries", quiet.Out, StringComparison.Ordinal);

        await File.WriteAllTextAsync(database.Settings.AuditWitnessPath, "2026-06-15T10:00:00Z " + await HeadAsync(database) + "\n2026-06-16T10:00:00Z 2 3fa");
        var run = await cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
        Assert.Contains("audit-witness.log line 2 is not \"TIME SEQ HASH\"", run.Error, StringComparison.Ordinal);
        Assert.Contains("1 from ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWitnessFileThatCannotBeWrittenIsLoggedAndNeverStopsTheServer()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var blocked = Path.Combine(database.Settings.DataDir, "a-file");
        await File.WriteAllTextAsync(blocked, "");
        var settings = database.Settings with { AuditWitnessFile = Path.Combine(blocked, "witness.log") };
        var witness = new AuditWitness(settings, new FakeTimeProvider(PnxCli.DefaultNow), NullLogger<AuditWitness>.Instance);
        Assert.Null(await witness.WitnessAsync(CancellationToken.None));
    }
}
