using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pnx.Jobs;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Jobs;

/// <summary>The daily job runner on a real database (both engines), with the clock in the test's hands.</summary>
public sealed class DailyJobRunnerTests : IAsyncLifetime
{
    // 2026-03-10 04:00 in Brussels (UTC+1).
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 3, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private TestDatabase _database = null!;
    private int _runs;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DailyJob Counting(string name = "counting") => new(name, (_, _, _) =>
    {
        Interlocked.Increment(ref _runs);
        return Task.FromResult<IReadOnlyList<string>>(["1 thing done"]);
    });

    private DailyJobRunner Runner(params DailyJob[] jobs) =>
        new(_database.Open, _time, jobs, NullLogger<DailyJobRunner>.Instance);

    private async Task<List<JobRun>> RunsAsync()
    {
        await using var db = _database.Open();
        return await db.JobRuns.AsNoTracking().OrderBy(r => r.Day).ThenBy(r => r.Job).ToListAsync();
    }

    [Fact]
    public async Task TheJobRunsOncePerBelgianDay()
    {
        var runner = Runner(Counting());
        Assert.Single(await runner.RunDueAsync(CancellationToken.None));
        Assert.Equal(1, _runs);

        // 22:59 UTC is 23:59 in Brussels: still the same day.
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 10, 22, 59, 0, TimeSpan.Zero));
        Assert.Empty(await runner.RunDueAsync(CancellationToken.None));
        Assert.Equal(1, _runs);

        // 23:01 UTC is 00:01 on 11 March in Brussels: a new day, though not yet in UTC.
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 10, 23, 1, 0, TimeSpan.Zero));
        Assert.Single(await runner.RunDueAsync(CancellationToken.None));
        Assert.Equal(2, _runs);

        var runs = await RunsAsync();
        Assert.Equal([new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11)], runs.Select(r => r.Day));
        Assert.All(runs, r =>
        {
            Assert.Equal(JobOutcome.Ok, r.Outcome);
            Assert.Equal("1 thing done", r.Message);
            Assert.Equal(1, r.Attempts);
            Assert.NotNull(r.EndedAt);
        });
    }

    [Fact]
    public async Task AfterAWeekOfDowntimeTheJobRunsOnceNotSevenTimes()
    {
        var runner = Runner(Counting());
        await runner.RunDueAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(7));
        await runner.RunDueAsync(CancellationToken.None);
        await runner.RunDueAsync(CancellationToken.None);

        Assert.Equal(2, _runs);
        Assert.Equal([new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 17)], (await RunsAsync()).Select(r => r.Day));
    }

    [Fact]
    public async Task TwoRunnersOnOneDatabaseRunTheJobOnceADay()
    {
        // Slow enough that the second runner checks while the first is still running the job.
        var slow = new DailyJob("slow", async (_, _, ct) =>
        {
            Interlocked.Increment(ref _runs);
            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
            return ["done"];
        });
        var first = Runner(slow);
        var second = Runner(slow);
        for (var day = 1; day <= 3; day++)
        {
            var ran = await Task.WhenAll(first.RunDueAsync(CancellationToken.None), second.RunDueAsync(CancellationToken.None));
            Assert.Equal(1, ran.Sum(r => r.Count));
            Assert.Equal(day, _runs);
            _time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(3, (await RunsAsync()).Count);
    }

    [Fact]
    public async Task AFailedJobIsRecordedWithoutItsMessageAndTriedAgainAtMostThreeTimesADay()
    {
        var failing = new DailyJob("failing", (_, _, _) =>
        {
            Interlocked.Increment(ref _runs);
            throw new InvalidOperationException("could not erase Peeters Anna");
        });
        var runner = Runner(failing);

        Assert.Equal([("failing", JobOutcome.Failed)], await runner.RunDueAsync(CancellationToken.None));
        var run = Assert.Single(await RunsAsync());
        Assert.Equal(JobOutcome.Failed, run.Outcome);
        Assert.Equal("failed: InvalidOperationException", run.Message);
        Assert.DoesNotContain("Peeters", run.Message, StringComparison.Ordinal);

        for (var check = 0; check < 5; check++)
        {
            _time.Advance(DailyJobRunner.CheckInterval);
            await runner.RunDueAsync(CancellationToken.None);
        }

        Assert.Equal(JobRuns.MaxAttempts, _runs);
        Assert.Equal(JobRuns.MaxAttempts, Assert.Single(await RunsAsync()).Attempts);

        _time.Advance(TimeSpan.FromDays(1));
        await runner.RunDueAsync(CancellationToken.None);
        Assert.Equal(JobRuns.MaxAttempts + 1, _runs);
    }

    [Fact]
    public async Task AJobThatFailsOnceSucceedsOnTheNextCheckAndTheOthersRunRegardless()
    {
        var failures = 1;
        var flaky = new DailyJob("flaky", (_, _, _) =>
        {
            if (Interlocked.Decrement(ref failures) >= 0) throw new TimeoutException();
            return Task.FromResult<IReadOnlyList<string>>(["done"]);
        });
        var runner = Runner(flaky, Counting());

        Assert.Equal([("flaky", JobOutcome.Failed), ("counting", JobOutcome.Ok)], await runner.RunDueAsync(CancellationToken.None));
        _time.Advance(DailyJobRunner.CheckInterval);
        Assert.Equal([("flaky", JobOutcome.Ok)], await runner.RunDueAsync(CancellationToken.None));

        var flakyRun = (await RunsAsync()).Single(r => r.Job == "flaky");
        Assert.Equal((JobOutcome.Ok, 2, "done"), (flakyRun.Outcome, flakyRun.Attempts, flakyRun.Message));
        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task ARunLeftRunningByAStoppedInstanceIsTakenUpOnceAbandoned()
    {
        await using (var db = _database.Open())
        {
            db.JobRuns.Add(new JobRun { Job = "counting", Day = new DateOnly(2026, 3, 10), StartedAt = Start.UtcDateTime, Outcome = JobOutcome.Running, Attempts = 1 });
            await db.SaveChangesAsync();
        }

        var runner = Runner(Counting());
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await runner.RunDueAsync(CancellationToken.None));

        _time.Advance(JobRuns.AbandonedAfter);
        Assert.Single(await runner.RunDueAsync(CancellationToken.None));
        var run = Assert.Single(await RunsAsync());
        Assert.Equal((JobOutcome.Ok, 2), (run.Outcome, run.Attempts));
    }

    [Fact]
    public async Task TheServiceRunsAtStartAndAgainWhenTheClockReachesTheNextDay()
    {
        using var service = new DailyJobService(Runner(Counting()), _time, NullLogger<DailyJobService>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            await UntilAsync(() => Volatile.Read(ref _runs) == 1, advance: TimeSpan.Zero);
            Assert.Equal(1, _runs);

            // The service waits on the injected clock: move it on, check by check, until the next Belgian day's run.
            await UntilAsync(() => Volatile.Read(ref _runs) == 2, advance: DailyJobRunner.CheckInterval);
            Assert.Equal(2, _runs);
            Assert.True((await RunsAsync()).Max(r => r.Day) > new DateOnly(2026, 3, 10));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    private async Task UntilAsync(Func<bool> done, TimeSpan advance)
    {
        for (var step = 0; step < 2000 && !done(); step++)
        {
            await Task.Delay(10);
            _time.Advance(advance);
        }
    }
}
