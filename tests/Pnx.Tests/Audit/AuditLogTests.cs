using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pnx.Audit;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Audit;

/// <summary>The web's group-committing audit writer: nothing dropped, one bad record fails alone.</summary>
public sealed class AuditLogTests
{
    private static AuditRecord Read(string dossier) => new("user:test", "newcomer.view", "23027", [dossier]);

    private static ServiceProvider ServicesFor(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddScoped<PnxDb>(_ => database.Open());
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task ABadRecordInABatchFailsOnlyItsOwnCallerAndTheOthersAreCommitted()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var services = ServicesFor(database);
        var log = new AuditLog(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);

        // Queued before the writer starts, so that all five land in one batch.
        var first = log.RecordAsync(Read("D1"));
        var unserialisable = log.RecordAsync(new AuditRecord("user:test", "newcomer.view", "23027", [null!]));
        var second = log.RecordAsync(Read("D2"));
        var violatesConstraint = log.RecordAsync(new AuditRecord(null!, "newcomer.view", "23027", []));
        var third = log.RecordAsync(Read("D3"));
        await log.StartAsync(CancellationToken.None);
        try
        {
            await Task.WhenAll(first, second, third).WaitAsync(TimeSpan.FromSeconds(60));
            await Assert.ThrowsAnyAsync<Exception>(() => unserialisable);
            await Assert.ThrowsAnyAsync<Exception>(() => violatesConstraint);
        }
        finally
        {
            await log.StopAsync(CancellationToken.None);
        }

        await using var db = database.Open();
        var subjects = await db.AuditEntries.OrderBy(e => e.Seq).Select(e => e.Subjects).ToListAsync();
        Assert.Equal(["[\"D1\"]", "[\"D2\"]", "[\"D3\"]"], subjects);
        Assert.True((await AuditVerifier.VerifyAsync(db, CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task WhenTheQueueIsFullWritersWaitAndNoEntryIsDropped()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var services = ServicesFor(database);
        var log = new AuditLog(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, capacity: 4);

        var reads = Enumerable.Range(1, 50).Select(i => log.RecordAsync(Read("D" + i))).ToList();
        Assert.Equal(4, log.Queued);
        Assert.All(reads, read => Assert.False(read.IsCompleted));

        await log.StartAsync(CancellationToken.None);
        try
        {
            await Task.WhenAll(reads).WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await log.StopAsync(CancellationToken.None);
        }

        await using var db = database.Open();
        Assert.Equal(50, await db.AuditEntries.CountAsync());
        Assert.True((await AuditVerifier.VerifyAsync(db, CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task VerifyWhileRequestsAppendNeverReportsABreak()
    {
        await using var database = await TestDatabase.CreateAsync();
        var cli = PnxCli.For(database);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        await using var services = ServicesFor(database);
        var log = new AuditLog(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
        await log.StartAsync(CancellationToken.None);
        // A longer chain makes each verification take long enough for appends to land during it.
        await Task.WhenAll(Enumerable.Range(0, 3000).Select(i => log.RecordAsync(Read("D" + i))));

        using var stop = new CancellationTokenSource();
        var appended = 0;
        var appender = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.WhenAll(Enumerable.Range(0, 8).Select(i => log.RecordAsync(Read("C" + i))));
                Interlocked.Add(ref appended, 8);
            }
        });

        try
        {
            for (var round = 0; round < 4; round++)
            {
                var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => cli.RunAsync("audit", "verify")));
                Assert.All(runs, run => Assert.True(run.ExitCode == ExitCodes.Done, run.ToString()));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await appender;
            await log.StopAsync(CancellationToken.None);
        }

        Assert.True(appended > 0);
        await cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
    }
}
