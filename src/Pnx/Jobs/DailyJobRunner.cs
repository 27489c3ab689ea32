using System.Globalization;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Jobs;

/// <summary>
/// One check of the daily jobs: every job not yet done today (Europe/Brussels) is claimed and run, each in its
/// own database context. Whatever happened before (downtime of a day or a week) is caught up by today's one run:
/// the jobs remove whatever is due by today, so running them once is enough.
/// </summary>
public sealed partial class DailyJobRunner(Func<PnxDb> openDb, TimeProvider time, IReadOnlyList<DailyJob> jobs, ILogger<DailyJobRunner> logger)
{
    /// <summary>How often <see cref="DailyJobService"/> checks: a new day, or a failed run to try again, is noticed within this.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(5);

    /// <returns>The jobs this instance ran now, with their outcome.</returns>
    public async Task<IReadOnlyList<(string Job, JobOutcome Outcome)>> RunDueAsync(CancellationToken ct)
    {
        var day = BelgianTime.Today(time);
        await using (var db = openDb())
        {
            if (!await JobRuns.AnyDueAsync(db, [.. jobs.Select(j => j.Name)], day, Now, ct)) return [];
        }

        var ran = new List<(string, JobOutcome)>();
        foreach (var job in jobs)
        {
            await using (var db = openDb())
            {
                if (!await JobRuns.TryClaimAsync(db, job.Name, day, Now, ct)) continue;
            }

            ran.Add((job.Name, await RunAsync(job, day, ct)));
        }

        return ran;
    }

    private async Task<JobOutcome> RunAsync(DailyJob job, DateOnly day, CancellationToken ct)
    {
        JobOutcome outcome;
        string message;
        var isoDay = Iso(day);
        try
        {
            await using var db = openDb();
            var lines = await job.RunAsync(db, time, ct);
            outcome = JobOutcome.Ok;
            message = string.Join("; ", lines);
            foreach (var line in lines) LogDone(logger, job.Name, isoDay, line);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The exception's type only: a database error's message may quote the values it choked on.
            outcome = JobOutcome.Failed;
            message = "failed: " + e.GetType().Name;
            LogFailed(logger, job.Name, isoDay, e.GetType().Name);
        }

        // A stop (Ctrl+C) in the middle leaves the run "running"; it is taken up again once abandoned.
        await using (var db = openDb())
        {
            await JobRuns.FinishAsync(db, job.Name, day, outcome, message, Now, ct);
        }

        return outcome;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "daily job {Job} {Day}: ok, {Result}")]
    private static partial void LogDone(ILogger logger, string job, string day, string result);

    [LoggerMessage(Level = LogLevel.Error, Message = "daily job {Job} {Day}: failed ({Failure}); tried again at a later check")]
    private static partial void LogFailed(ILogger logger, string job, string day, string failure);
}
