using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pnx.Access;
using Pnx.Data;
using Pnx.Imports.Upload;
using Pnx.Jobs;
using Pnx.Sessions;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Jobs;

/// <summary>The daily clean-ups remove exactly what can no longer be used, and nothing else.</summary>
public sealed class CleanupTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static DateTime Ago(TimeSpan span) => Now.UtcDateTime - span;

    private static UserSession Session(string id, DateTime created, DateTime lastSeen, DateTime? ended = null) => new()
    {
        Id = id, UserId = "u-" + id, CreatedAt = created, LastSeenAt = lastSeen, ExpiresAt = created + SessionPolicy.AbsoluteLifetime, EndedAt = ended, Ticket = [1],
    };

    private async Task SeedAsync()
    {
        await using var db = _database.Open();
        var hour = TimeSpan.FromHours(1);
        db.UserSessions.AddRange(
            Session("active", Ago(hour), Ago(TimeSpan.FromMinutes(5))),
            Session("signed-out-recently", Ago(2 * hour), Ago(hour), ended: Ago(hour)),
            Session("signed-out-long-ago", Ago(TimeSpan.FromDays(2)), Ago(TimeSpan.FromDays(2)), ended: Ago(TimeSpan.FromDays(2))),
            Session("expired-recently", Ago(9 * hour), Ago(9 * hour)),
            Session("idle-since-two-days", Ago(TimeSpan.FromDays(2) + hour), Ago(TimeSpan.FromDays(2))),
            // A ticket renewed after the absolute limit does not exist; an expiry long past counts even with recent activity.
            Session("expired-long-ago", Ago(TimeSpan.FromDays(3)), Ago(TimeSpan.FromMinutes(1))));

        var user = new PnxUser { Id = "u-tokens", UserName = "t@example.invalid", Email = "t@example.invalid", DisplayName = "T", CreatedAt = Ago(TimeSpan.FromDays(3)) };
        db.Users.Add(user);
        db.ActivationTokens.AddRange(
            Token("valid", Ago(hour), used: null),
            Token("about-to-expire", Ago(ActivationToken.Lifetime - TimeSpan.FromMinutes(1)), used: null),
            Token("used", Ago(hour), used: Ago(TimeSpan.FromMinutes(30))),
            Token("expired", Ago(ActivationToken.Lifetime + TimeSpan.FromMinutes(1)), used: null));

        db.StagedUploads.AddRange(
            Staged("00000000000000000000000000000001", Ago(TimeSpan.FromMinutes(59))),
            Staged("00000000000000000000000000000002", Ago(TimeSpan.FromMinutes(61))),
            Staged("00000000000000000000000000000003", Ago(TimeSpan.FromDays(1))),
            // A preview awaiting confirmation past the hour can no longer be applied; a check still running is the background's.
            Staged("00000000000000000000000000000004", Ago(TimeSpan.FromHours(2)), UploadStates.Previewed),
            Staged("00000000000000000000000000000005", Ago(TimeSpan.FromHours(2)), UploadStates.Checking));
        await db.SaveChangesAsync();

        ActivationToken Token(string hash, DateTime created, DateTime? used) => new()
        {
            UserId = user.Id, TokenHash = hash, CreatedAt = created, ExpiresAt = created + ActivationToken.Lifetime, UsedAt = used,
        };
    }

    private static StagedUpload Staged(string key, DateTime created, string? state = null) => new()
    {
        Key = key, Owner = "someone", Kind = UploadStore.Newcomers, CreatedAt = created, Extension = ".csv", Content = [1, 2, 3], State = state,
    };

    [Fact]
    public async Task EachCleanupRemovesExactlyWhatCanNoLongerBeUsed()
    {
        await SeedAsync();
        await using var db = _database.Open();

        Assert.Equal(3, await SessionCleanup.RemoveEndedAsync(db, _time, CancellationToken.None));
        Assert.Equal(["active", "expired-recently", "signed-out-recently"], await db.UserSessions.Select(s => s.Id).OrderBy(i => i).ToListAsync());

        Assert.Equal(2, await ActivationTokenCleanup.RemoveSpentAsync(db, _time, CancellationToken.None));
        Assert.Equal(["about-to-expire", "valid"], await db.ActivationTokens.Select(t => t.TokenHash).OrderBy(h => h).ToListAsync());

        Assert.Equal(3, await StagedUploadCleanup.RemoveExpiredAsync(db, _time, CancellationToken.None));
        Assert.Equal(["00000000000000000000000000000001", "00000000000000000000000000000005"], await db.StagedUploads.Select(u => u.Key).OrderBy(k => k).ToListAsync());
    }

    [Fact]
    public async Task TheDailyJobsRunEveryCleanupAndRecordWhatTheyRemoved()
    {
        await SeedAsync();
        var runner = new DailyJobRunner(_database.Open, _time, DailyJobs.All, NullLogger<DailyJobRunner>.Instance);

        var ran = await runner.RunDueAsync(CancellationToken.None);

        Assert.Equal(DailyJobs.All.Select(j => (j.Name, JobOutcome.Ok)), ran);
        await using var db = _database.Open();
        var messages = await db.JobRuns.ToDictionaryAsync(r => r.Job, r => r.Message);
        Assert.Equal("3 ended sessions removed", messages["sessions"]);
        Assert.Equal("2 expired or used activation tokens removed", messages["activation-tokens"]);
        Assert.Equal("3 staged uploads removed", messages["staged-uploads"]);
        Assert.Equal(3, await db.UserSessions.CountAsync());
        Assert.Equal(2, await db.StagedUploads.CountAsync());
    }

    [Fact]
    public async Task AStagedUploadIsAppliedOnlyByItsUploaderOnItsPageWithinTheHour()
    {
        await using var db = _database.Open();
        var content = Encoding.UTF8.GetBytes("Dossiernummer;Naam\r\n");
        var store = new UploadStore(db, _time, UploadStore.Newcomers);
        using var stream = new MemoryStream(content);
        var file = new FormFile(stream, 0, content.Length, "file", "Peeters Anna.csv");
        var (key, name, _) = await store.PreviewAsync(file, "owner-a", (_, _, _, _) => Task.FromResult(0), o => o, CancellationToken.None);
        Assert.Equal("Peeters Anna.csv", name);
        Assert.Matches("^[0-9a-f]{32}$", key);

        var stored = await db.StagedUploads.AsNoTracking().SingleAsync(u => u.Key == key);
        Assert.Equal((".csv", "owner-a"), (stored.Extension, stored.Owner));
        Assert.Equal(content, stored.Content);

        Task<byte[]> Echo(byte[] bytes, string _, bool dryRun, CancellationToken ct) => Task.FromResult(bytes);
        Assert.Null(await store.ApplyAsync<byte[]>(key, "owner-b", Echo, CancellationToken.None));
        Assert.Null(await new UploadStore(db, _time, UploadStore.Statuses).ApplyAsync<byte[]>(key, "owner-a", Echo, CancellationToken.None));
        Assert.True(await db.StagedUploads.AnyAsync(u => u.Key == key));

        var applied = await store.ApplyAsync<byte[]>(key, "owner-a", Echo, CancellationToken.None);
        Assert.Equal("upload.csv", applied?.Name);
        Assert.Equal(content, applied?.Outcome);
        Assert.False(await db.StagedUploads.AnyAsync(u => u.Key == key));
        Assert.Null(await store.ApplyAsync<byte[]>(key, "owner-a", Echo, CancellationToken.None));
    }

    [Fact]
    public async Task AStagedUploadOlderThanAnHourIsRefusedEvenBeforeTheCleanupRan()
    {
        await SeedAsync();
        await using var db = _database.Open();
        var store = new UploadStore(db, _time, UploadStore.Newcomers);
        Task<int> Run(byte[] bytes, string _, bool dryRun, CancellationToken ct) => Task.FromResult(bytes.Length);

        Assert.Null(await store.ApplyAsync<int>("00000000000000000000000000000002", "someone", Run, CancellationToken.None));
        Assert.Equal(("upload.csv", 3), await store.ApplyAsync<int>("00000000000000000000000000000001", "someone", Run, CancellationToken.None));
    }

    [Fact]
    public async Task TwoInstancesApplyingOneUploadRunItOnce()
    {
        await SeedAsync();
        var runs = 0;
        async Task<int> Run(byte[] bytes, string _, bool dryRun, CancellationToken ct)
        {
            Interlocked.Increment(ref runs);
            await Task.Yield();
            return bytes.Length;
        }

        async Task<(string, int)?> ApplyAsync()
        {
            await using PnxDb db = _database.Open();
            return await new UploadStore(db, _time, UploadStore.Newcomers).ApplyAsync<int>("00000000000000000000000000000001", "someone", Run, CancellationToken.None);
        }

        var results = await Task.WhenAll(ApplyAsync(), ApplyAsync());
        Assert.Single(results, r => r is not null);
        Assert.Equal(1, runs);
    }
}
