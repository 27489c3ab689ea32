using Microsoft.Extensions.Time.Testing;
using Pnx.Cli;
using Pnx.Protocols;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Protocols;

/// <summary>The statuses of §9 and the notice and termination verbs, judged on an injected clock.</summary>
public sealed class ProtocolLifecycleTests
{
    private static Protocol Term(string start, string end) => new()
    {
        Id = 1, MunicipalityId = 1, StartDate = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
        EndDate = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
        EffectiveEndDate = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory]
    [InlineData("2026-03-28", ProtocolStatus.Draft)]
    [InlineData("2026-03-29", ProtocolStatus.Active)]
    [InlineData("2026-12-31", ProtocolStatus.Active)]
    [InlineData("2027-01-01", ProtocolStatus.Expired)]
    public void TheStatusFollowsFromTheTermAndTheDay(string day, ProtocolStatus expected)
    {
        var protocol = Term("2026-03-29", "2026-12-31");
        Assert.Equal(expected, ProtocolStatuses.Of(protocol, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), null));
        Assert.Equal(expected == ProtocolStatus.Active, protocol.IsActiveOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-01-15", "2026-12-31", "2026-04-15")]
    [InlineData("2026-11-30", "2027-12-31", "2027-02-28")]
    [InlineData("2027-11-30", "2028-12-31", "2028-02-29")]
    [InlineData("2026-11-15", "2026-12-31", "2026-12-31")]
    public void NoticeEndsThreeMonthsLaterToTheDayOrAtTheEndIfSooner(string notice, string end, string expected)
    {
        var day = DateOnly.Parse(notice, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ProtocolStatuses.EndAfterNotice(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), day));
    }

    [Fact]
    public void ALaterProtocolThatStartedSupersedesTheEarlierOneWithoutAGap()
    {
        var first = Term("2024-03-29", "2026-12-31");
        var second = Term("2027-01-01", "2029-12-31");
        second.Id = 2;
        var onLastDay = ProtocolStatuses.Of([first, second], new DateOnly(2026, 12, 31));
        Assert.Equal(ProtocolStatus.Active, onLastDay[1]);
        Assert.Equal(ProtocolStatus.Draft, onLastDay[2]);
        var nextDay = ProtocolStatuses.Of([first, second], new DateOnly(2027, 1, 1));
        Assert.Equal(ProtocolStatus.Superseded, nextDay[1]);
        Assert.Equal(ProtocolStatus.Active, nextDay[2]);
    }

    [Fact]
    public async Task NoticeShortensTheTermAndTheListShowsStatusAndEffectiveEnd()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero));
        var cli = PnxCli.For(database, clock);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        var listed = await cli.RunExpectingAsync(ExitCodes.Done, "protocol", "list");
        var id = listed.Out.Split(' ')[0];
        Assert.Equal($"{id} 23027 active 2024-03-29 2030-12-31 test", listed.Out.Trim());

        await cli.RunExpectingAsync(ExitCodes.Done, "protocol", "notice", "--id", id, "--date", "2026-06-15");
        Assert.Equal($"{id} 23027 notice 2024-03-29 2026-09-15 test", (await cli.RunAsync("protocol", "list", "--municipality", "23027")).Out.Trim());
        await cli.RunExpectingAsync(ExitCodes.Refused, "protocol", "notice", "--id", id, "--date", "2026-06-16");

        clock.SetUtcNow(new DateTimeOffset(2026, 9, 15, 21, 0, 0, TimeSpan.Zero));
        Assert.Contains(" notice ", (await cli.RunAsync("protocol", "list")).Out, StringComparison.Ordinal);
        await cli.RunExpectingAsync(ExitCodes.Done, "export", "--municipality", "23027", "--format", "csv", "--out", Path.Combine(database.Settings.DataDir, "a.csv"));
        clock.SetUtcNow(new DateTimeOffset(2026, 9, 15, 22, 30, 0, TimeSpan.Zero));
        Assert.Contains(" expired ", (await cli.RunAsync("protocol", "list")).Out, StringComparison.Ordinal);
        await cli.RunExpectingAsync(ExitCodes.Refused, "export", "--municipality", "23027", "--format", "csv", "--out", Path.Combine(database.Settings.DataDir, "b.csv"));
    }

    [Fact]
    public async Task TerminationEndsTheProtocolAtOnceAndIsKeptAsAVersion()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var cli = PnxCli.For(database);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        var id = (await cli.RunAsync("protocol", "list")).Out.Split(' ')[0];
        await cli.RunExpectingAsync(ExitCodes.Rejected, "protocol", "terminate", "--id", "999", "--reason", "misbruik");
        await cli.RunExpectingAsync(ExitCodes.Done, "protocol", "terminate", "--id", id, "--reason", "misbruik vastgesteld");
        Assert.Contains(" terminated ", (await cli.RunAsync("protocol", "list")).Out, StringComparison.Ordinal);
        await cli.RunExpectingAsync(ExitCodes.Refused, "protocol", "terminate", "--id", id, "--reason", "nogmaals");
        var file = Path.Combine(database.Settings.DataDir, "one.csv");
        await File.WriteAllTextAsync(file, "Dossiernummer;Naam;Voornaam\r\nD-1;Peeters;An\r\n");
        await cli.RunExpectingAsync(ExitCodes.Refused, "import", "--file", file, "--municipality", "23027");
        await using var db = database.Open();
        var versions = db.Set<ProtocolVersion>().Where(v => v.ProtocolId == int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).OrderBy(v => v.Number).ToList();
        Assert.Equal(2, versions.Count);
        Assert.Contains("terminated", versions[1].Change, StringComparison.Ordinal);
        Assert.Contains(db.AuditEntries, e => e.Action == "protocol.terminate");
    }
}
