using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pnx.Audit;
using Pnx.Cli;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Audit;

/// <summary>Contract §6: a chain can be valid and still be an older copy; a witnessed head tells.</summary>
public sealed partial class AuditRollbackTests
{
    private static async Task<(TestDatabase Database, PnxCli Cli)> TrailWithEntriesAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var cli = PnxCli.For(database);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        await cli.AddMunicipalityWithProtocolAsync("44021", "Gent");
        return (database, cli);
    }

    private static async Task<string> HeadAsync(PnxCli cli) => (await cli.RunExpectingAsync(ExitCodes.Done, "audit", "head")).Out.Trim();

    private static string Expect(string head) => head.Replace(' ', ':');

    [Fact]
    public async Task HeadPrintsTheNewestEntryAsSeqAndHashOnOneLine()
    {
        var (database, cli) = await TrailWithEntriesAsync();
        await using var _ = database;
        var run = await cli.RunExpectingAsync(ExitCodes.Done, "audit", "head");

        Assert.Matches(HeadLine(), run.Out);
        await using var db = database.Open();
        var newest = await db.AuditEntries.OrderByDescending(e => e.Seq).FirstAsync();
        Assert.Equal($"{newest.Seq} {newest.Hash}\n", run.Out);
    }

    [Fact]
    public async Task HeadOfAnEmptyChainIsSeqZeroWithSixtyFourZeros()
    {
        await using var database = await TestDatabase.CreateAsync();
        var run = await PnxCli.For(database).RunExpectingAsync(ExitCodes.Done, "audit", "head");
        Assert.Equal("0 " + new string('0', 64) + "\n", run.Out);
    }

    [Fact]
    public async Task VerifyPassesWhenTheExpectedEntriesAreStillInTheChain()
    {
        var (database, cli) = await TrailWithEntriesAsync();
        await using var _ = database;
        var early = await HeadAsync(cli);
        await cli.AddMunicipalityWithProtocolAsync("11002", "Antwerpen");

        var run = await cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify", "--expect", Expect(early), "--expect", Expect(await HeadAsync(cli)), "--expect", "0:" + new string('0', 64));
        Assert.Contains("6 entries", run.Out, StringComparison.Ordinal);
        Assert.Contains("3 from --expect", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOlderCopyPutBackPassesVerifyButFailsTheExpectedHead()
    {
        var (database, cli) = await TrailWithEntriesAsync();
        await using var _ = database;
        await using var copy = await DatabaseCopy.TakeAsync(database.Settings);
        await cli.AddMunicipalityWithProtocolAsync("11002", "Antwerpen");
        var head = await HeadAsync(cli);
        Assert.StartsWith("6 ", head, StringComparison.Ordinal);

        await copy.PutBackAsync();

        await cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
        var run = await cli.RunExpectingAsync(ExitCodes.IntegrityFailed, "audit", "verify", "--expect", Expect(head));
        Assert.Contains("seq 6", run.Error, StringComparison.Ordinal);
        Assert.Contains("chain ends at seq 4", run.Error, StringComparison.Ordinal);
        Assert.Contains("older copy", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOlderCopyPutBackIsCaughtByTheHeadTheServerWitnessed()
    {
        var (database, cli) = await TrailWithEntriesAsync();
        await using var _ = database;
        await using var copy = await DatabaseCopy.TakeAsync(database.Settings);
        await cli.AddMunicipalityWithProtocolAsync("11002", "Antwerpen");
        var witness = new AuditWitness(database.Settings, new FakeTimeProvider(PnxCli.DefaultNow), NullLogger<AuditWitness>.Instance);
        Assert.NotNull(await witness.WitnessAsync(CancellationToken.None));
        await cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");

        await copy.PutBackAsync();

        var run = await cli.RunExpectingAsync(ExitCodes.IntegrityFailed, "audit", "verify");
        Assert.Contains("seq 6", run.Error, StringComparison.Ordinal);
        Assert.Contains("audit-witness.log line 1 (2026-06-15T10:00:00Z)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChainTruncatedTogetherWithItsHeadPassesVerifyButFailsTheExpectedHead()
    {
        var (database, cli) = await TrailWithEntriesAsync();
        await using var _ = database;
        var head = await HeadAsync(cli);
        await using (var db = database.Open())
        {
            var second = await db.AuditEntries.SingleAsync(e => e.Seq == 2);
            await db.AuditEntries.Where(e => e.Seq > 2).ExecuteDeleteAsync();
            await db.Set<AuditHead>().ExecuteUpdateAsync(s => s.SetProperty(h => h.Seq, 2).SetProperty(h => h.Hash, second.Hash));
        }

        await cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
        var run = await cli.RunExpectingAsync(ExitCodes.IntegrityFailed, "audit", "verify", "--expect", Expect(head));
        Assert.Contains("seq 4", run.Error, StringComparison.Ordinal);
        Assert.Contains("chain ends at seq 2", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChainRewrittenWithFreshHashesPassesVerifyButFailsTheExpectedHead()
    {
        var (database, cli) = await TrailWithEntriesAsync();
        await using var _ = database;
        var head = await HeadAsync(cli);
        await using (var db = database.Open())
        {
            // A careful forger: changes entry 3 and recomputes every hash after it, and the head.
            var entries = await db.AuditEntries.Where(e => e.Seq >= 3).OrderBy(e => e.Seq).ToListAsync();
            entries[0].Actor = "cli:someone-else";
            var prev = (await db.AuditEntries.SingleAsync(e => e.Seq == 2)).Hash;
            foreach (var entry in entries)
            {
                entry.Prev = prev;
                entry.Hash = AuditHash.Compute(entry);
                prev = entry.Hash;
            }

            var stored = await db.Set<AuditHead>().SingleAsync();
            stored.Hash = prev;
            await db.SaveChangesAsync();
        }

        await cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
        var run = await cli.RunExpectingAsync(ExitCodes.IntegrityFailed, "audit", "verify", "--expect", Expect(head));
        Assert.Contains("audit trail broken at seq 4: --expect " + Expect(head) + " expects hash", run.Error, StringComparison.Ordinal);
        Assert.Contains("rewritten", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeadSetBackWhileItsEntriesRemainIsReported()
    {
        var (database, cli) = await TrailWithEntriesAsync();
        await using var _ = database;
        await using (var db = database.Open())
        {
            var second = await db.AuditEntries.SingleAsync(e => e.Seq == 2);
            await db.Set<AuditHead>().ExecuteUpdateAsync(s => s.SetProperty(h => h.Seq, 2).SetProperty(h => h.Hash, second.Hash));
        }

        var run = await cli.RunExpectingAsync(ExitCodes.IntegrityFailed, "audit", "verify");
        Assert.Contains("seq 3: entries after the head's seq 2 exist", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("4")]
    [InlineData("4:abc")]
    [InlineData("-1:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("4:000000000000000000000000000000000000000000000000000000000000000g")]
    [InlineData("4 0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task AMalformedExpectIsAUsageError(string value)
    {
        await using var database = await TestDatabase.CreateAsync();
        var run = await PnxCli.For(database).RunExpectingAsync(ExitCodes.Usage, "audit", "verify", "--expect", value);
        Assert.Contains("--expect", run.Error, StringComparison.Ordinal);
        Assert.Contains("SEQ:HASH", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectWithoutAValueIsAUsageError()
    {
        await using var database = await TestDatabase.CreateAsync();
        await PnxCli.For(database).RunExpectingAsync(ExitCodes.Usage, "audit", "verify", "--expect");
    }

    [GeneratedRegex("^[0-9]+ [0-9a-f]{64}\n$")]
    private static partial Regex HeadLine();
}
