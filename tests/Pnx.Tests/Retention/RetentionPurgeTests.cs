using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pnx.Access.Web;
using Pnx.Cli;
using Pnx.Imports;
using Pnx.Newcomers;
using Pnx.Retention;
using Pnx.Tests.Imports;
using Pnx.Tests.Infrastructure;
using Pnx.Trajectories;

namespace Pnx.Tests.Retention;

/// <summary>
/// Every rule of §9 through the real purge and queries, with an injected clock. Halle keeps its protocol but confirms after
/// 1 month only; Vilvoorde's protocol ends on 2026-06-20 without a successor (30 days). Dates (last day → removed from):
/// D-000001 certificate 2026-01-10 → 2026-07-11 (attest); D-000002 last confirmed 2026-06-15 → 2026-07-16 (niet bevestigd);
/// D-000003 confirmed again 2026-06-20 → 2026-07-21 (niet bevestigd); D-000004 of Vilvoorde → 2026-07-21 (protocol beëindigd).
/// </summary>
public sealed class RetentionPurgeTests
{
    private static DateTimeOffset On(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.Zero);

    private static async Task<(TestDatabase Database, FakeTimeProvider Time, PnxCli Cli)> WorldAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(On(6, 15));
        var cli = PnxCli.For(database, time);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        await cli.RunExpectingAsync(ExitCodes.Done, "municipality", "add", "--nis", "23088", "--name", "Vilvoorde");
        await cli.RunExpectingAsync(ExitCodes.Done, "protocol", "add", "--municipality", "23088", "--start", "2024-03-29", "--end", "2026-06-20");
        await using var db = database.Open();
        await db.Protocols.Where(p => p.Municipality!.NisCode == "23027").ExecuteUpdateAsync(s => s.SetProperty(p => p.UnconfirmedRetentionMonths, 1));
        Assert.Equal(ExitCodes.Done, (await ImportApplier.ApplyAsync(db, time, [
            Records.Newcomer(1, "23027", new DateOnly(2026, 1, 10)), Records.Newcomer(2, "23027"), Records.Newcomer(3, "23027"), Records.Newcomer(4, "23088"),
        ], new ImportOptions(), "f.csv", CancellationToken.None)).ExitCode);
        time.SetUtcNow(On(6, 20));
        Assert.Equal(ExitCodes.Done, (await ImportApplier.ApplyAsync(db, time, [Records.Newcomer(3, "23027")],
            new ImportOptions(Mode: ImportMode.Upsert), "f.csv", CancellationToken.None)).ExitCode);
        return (database, time, cli);
    }

    private static async Task<string[]> RunAsync(PnxCli cli) =>
        (await cli.RunExpectingAsync(ExitCodes.Done, "retention", "run")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<string[]> ErasedAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return [.. (await db.Newcomers.Where(n => n.ErasedAt != null).Select(n => n.DossierNumber).ToListAsync()).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task DailyRunsRemoveEachNewcomerTheDayAfterTheFirstOfItsDates()
    {
        var (database, time, cli) = await WorldAsync();
        await using var _ = database;
        var expected = new (DateTimeOffset Day, string[] Lines, string[] Erased)[]
        {
            (On(7, 10), ["nothing to erase"], []),
            (On(7, 11), ["23027 Halle: 1 erased (attest)"], ["D-000001"]),
            (On(7, 15), ["nothing to erase"], ["D-000001"]),
            (On(7, 16), ["23027 Halle: 1 erased (niet bevestigd)"], ["D-000001", "D-000002"]),
            (On(7, 20), ["nothing to erase"], ["D-000001", "D-000002"]),
            (On(7, 21), ["23027 Halle: 1 erased (niet bevestigd)", "23088 Vilvoorde: 1 erased (protocol beëindigd)"], ["D-000001", "D-000002", "D-000003", "D-000004"]),
        };
        foreach (var (day, lines, erased) in expected)
        {
            time.SetUtcNow(day);
            Assert.Equal(lines, await RunAsync(cli));
            Assert.Equal(erased, await ErasedAsync(database));
        }

        await using var db = database.Open();
        var register = await db.DeletionRecords.OrderBy(d => d.Id).Select(d => new { d.DossierNumber, d.MunicipalityNis, d.RemovedOn, d.Rule }).ToListAsync();
        Assert.Equal(
            [
                new { DossierNumber = "D-000001", MunicipalityNis = "23027", RemovedOn = new DateOnly(2026, 7, 11), Rule = RetentionRule.Certificate },
                new { DossierNumber = "D-000002", MunicipalityNis = "23027", RemovedOn = new DateOnly(2026, 7, 16), Rule = RetentionRule.Unconfirmed },
                new { DossierNumber = "D-000003", MunicipalityNis = "23027", RemovedOn = new DateOnly(2026, 7, 21), Rule = RetentionRule.Unconfirmed },
                new { DossierNumber = "D-000004", MunicipalityNis = "23088", RemovedOn = new DateOnly(2026, 7, 21), Rule = RetentionRule.ProtocolEnded },
            ],
            register);
        Assert.Equal(4, await db.AuditEntries.CountAsync(e => e.Action == "retention.purge"));
    }

    [Fact]
    public async Task ADryRunCountsAPersonPastTheirDateAsTheRealImportDoesAndWritesNothing()
    {
        var (database, time, _) = await WorldAsync();
        await using var _ = database;
        time.SetUtcNow(On(7, 16)); // D-000001 and D-000002 are past their dates; no purge ran yet.
        await using var db = database.Open();
        NewcomerRecord[] file = [Records.Newcomer(1, "23027", new DateOnly(2026, 1, 10)), Records.Newcomer(2, "23027"), Records.Newcomer(3, "23027")];

        var dry = await ImportApplier.ApplyAsync(db, time, file, new ImportOptions(Mode: ImportMode.Upsert, DryRun: true), "f.csv", CancellationToken.None);
        Assert.Equal(ExitCodes.Done, dry.ExitCode);
        Assert.Empty(await ErasedAsync(database));
        Assert.Equal(0, await db.DeletionRecords.CountAsync());

        var real = await ImportApplier.ApplyAsync(db, time, file, new ImportOptions(Mode: ImportMode.Upsert), "f.csv", CancellationToken.None);
        Assert.Equal(ExitCodes.Done, real.ExitCode);
        Assert.Equal(real.Lines, dry.Lines.Where(l => !l.StartsWith("dry run", StringComparison.Ordinal)));
        Assert.Equal(["D-000002"], (await db.DeletionRecords.Select(d => d.DossierNumber).ToListAsync()).Where(d => d == "D-000002"));
    }

    [Fact]
    public async Task AfterAWeekOfDowntimeOneRunRemovesExactlyTheDueSetOnceAndQueriesHidThemBefore()
    {
        var (database, time, cli) = await WorldAsync();
        await using var _ = database;
        time.SetUtcNow(On(7, 16));
        await using (var db = database.Open())
        {
            // Before any purge: the query every page, export and API route starts from no longer returns them.
            var halle = (await WorkspaceResolver.LoadAsync(db, "23027", new DateOnly(2026, 7, 16), CancellationToken.None))!;
            Assert.Equal(["D-000003"], await CurrentNewcomers.Of(db, halle.Retention).Select(n => n.DossierNumber).ToListAsync());
            var trajectory = await TrajectoryQuery.LoadAsync(db, "D-000001", new DateOnly(2026, 7, 16), CancellationToken.None);
            Assert.All(trajectory.Newcomers, n => Assert.False(n.Current));
            Assert.All(trajectory.Newcomers, n => Assert.Null(n.FamilyName));
            Assert.Empty(await ErasedAsync(database));
        }

        var export = Path.Combine(database.Settings.DataDir, "halle.csv");
        await cli.RunExpectingAsync(ExitCodes.Done, "export", "--municipality", "23027", "--format", "csv", "--out", export);
        var exported = await File.ReadAllTextAsync(export, Encoding.UTF8);
        Assert.Contains("D-000003", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("D-000001", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("D-000002", exported, StringComparison.Ordinal);

        time.SetUtcNow(On(7, 23));
        Assert.Equal(
            ["23027 Halle: 1 erased (attest)", "23027 Halle: 2 erased (niet bevestigd)", "23088 Vilvoorde: 1 erased (protocol beëindigd)"],
            await RunAsync(cli));
        Assert.Equal(["D-000001", "D-000002", "D-000003", "D-000004"], await ErasedAsync(database));
        Assert.Equal(["nothing to erase"], await RunAsync(cli));
        time.SetUtcNow(On(7, 24));
        Assert.Equal(["nothing to erase"], await RunAsync(cli));
        await using (var db = database.Open())
        {
            Assert.Equal(4, await db.DeletionRecords.CountAsync());
            Assert.All(await db.DeletionRecords.ToListAsync(), d => Assert.Equal(new DateOnly(2026, 7, 23), d.RemovedOn));
        }

        await cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
    }

    [Fact]
    public async Task TheRegisterFileListsEveryRemovalWithItsRuleAndWithdrawalWritesALine()
    {
        var (database, time, cli) = await WorldAsync();
        await using var _ = database;
        await using (var db = database.Open())
        {
            // A snapshot without D-000002 withdraws it: erased at once, with its register line, in the import's transaction.
            Assert.Equal(ExitCodes.Done, (await ImportApplier.ApplyAsync(db, time, [Records.Newcomer(1, "23027", new DateOnly(2026, 1, 10)), Records.Newcomer(3, "23027")],
                new ImportOptions(Municipality: "23027"), "f.csv", CancellationToken.None)).ExitCode);
            Assert.Equal(RetentionRule.Withdrawal, (await db.DeletionRecords.SingleAsync(d => d.DossierNumber == "D-000002")).Rule);
        }

        time.SetUtcNow(On(7, 11));
        Assert.Equal(["23027 Halle: 1 erased (attest)"], await RunAsync(cli));
        var path = Path.Combine(database.Settings.DataDir, "register.csv");
        var run = await cli.RunExpectingAsync(ExitCodes.Done, "retention", "register", "--out", path);
        Assert.Contains("2 removals written", run.Out, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(
            "Dossiernummer;NIS-code gemeente;Verwijderd op;Regel\r\nD-000002;23027;2026-06-20;intrekking\r\nD-000001;23027;2026-07-11;attest\r\n",
            Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        await using (var db = database.Open())
        {
            var read = await db.AuditEntries.SingleAsync(e => e.Action == "retention.register");
            Assert.Equal("[\"D-000001\",\"D-000002\"]", read.Subjects);
        }
    }
}
