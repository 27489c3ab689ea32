using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pnx.Cli;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Audit;

public sealed class AuditChainTests
{
    private static async Task<(TestDatabase Database, PnxCli Cli)> TrailWithEntriesAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var cli = PnxCli.For(database);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        await cli.AddMunicipalityWithProtocolAsync("44021", "Gent");
        return (database, cli);
    }

    [Fact]
    public async Task VerifyPassesOnAnIntactTrail()
    {
        var (database, cli) = await TrailWithEntriesAsync();
        await using var _ = database;
        var run = await cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
        Assert.Contains("4 entries", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportedChainVerifiesWithoutOurCode()
    {
        var (database, cli) = await TrailWithEntriesAsync();
        await using var _ = database;
        var path = Path.Combine(database.Settings.DataDir, "audit.jsonl");
        await cli.RunExpectingAsync(ExitCodes.Done, "audit", "export", "--out", path);

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(4, lines.Length);
        var prev = new string('0', 64);
        for (var i = 0; i < lines.Length; i++)
        {
            var entry = JsonNode.Parse(lines[i])!.AsObject();
            Assert.Equal(i + 1, entry["seq"]!.GetValue<long>());
            Assert.Equal(prev, entry["prev"]!.GetValue<string>());
            var hash = entry["hash"]!.GetValue<string>();
            entry.Remove("hash");
            // Members sorted by name, no white space: what any JCS implementation produces for these values.
            var sorted = new JsonObject(entry.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
            var canonical = sorted.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
            Assert.NotNull(entry["at"]);
            Assert.NotNull(entry["actor"]);
            Assert.NotNull(entry["action"]);
            Assert.IsType<JsonArray>(entry["subjects"]);
            prev = hash;
        }
    }

    [Fact]
    public async Task VerifyFailsWhenAnEntryIsAlteredInTheDatabase()
    {
        var (database, cli) = await TrailWithEntriesAsync();
        await using var _ = database;
        await using (var db = database.Open())
        {
            await db.AuditEntries.Where(e => e.Seq == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "someone-else"));
        }

        var run = await cli.RunExpectingAsync(ExitCodes.IntegrityFailed, "audit", "verify");
        Assert.Contains("seq 2", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyFailsWhenAnEntryIsDeletedInTheDatabase()
    {
        var (database, cli) = await TrailWithEntriesAsync();
        await using var _ = database;
        await using (var db = database.Open())
        {
            await db.AuditEntries.Where(e => e.Seq == 3).ExecuteDeleteAsync();
        }

        var run = await cli.RunExpectingAsync(ExitCodes.IntegrityFailed, "audit", "verify");
        Assert.Contains("seq 3", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyFailsWhenTheNewestEntryIsDeletedInTheDatabase()
    {
        var (database, cli) = await TrailWithEntriesAsync();
        await using var _ = database;
        await using (var db = database.Open())
        {
            await db.AuditEntries.Where(e => e.Seq == 4).ExecuteDeleteAsync();
        }

        var run = await cli.RunExpectingAsync(ExitCodes.IntegrityFailed, "audit", "verify");
        Assert.Contains("seq 4", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyFailsWhenEntriesAreReorderedInTheDatabase()
    {
        var (database, cli) = await TrailWithEntriesAsync();
        await using var _ = database;
        await using (var db = database.Open())
        {
            // Swap the contents of entries 2 and 3 by renumbering them.
            await db.AuditEntries.Where(e => e.Seq == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.Seq, 1000));
            await db.AuditEntries.Where(e => e.Seq == 3).ExecuteUpdateAsync(s => s.SetProperty(e => e.Seq, 2));
            await db.AuditEntries.Where(e => e.Seq == 1000).ExecuteUpdateAsync(s => s.SetProperty(e => e.Seq, 3));
        }

        var run = await cli.RunExpectingAsync(ExitCodes.IntegrityFailed, "audit", "verify");
        Assert.Contains("seq 2", run.Error, StringComparison.Ordinal);
    }
}
