using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Jobs;

/// <summary>
/// Claims and records runs in <c>job_runs</c>. The claim reads and writes the (job, day) row inside a transaction
/// that holds <see cref="JobLock"/>, so of several instances exactly one claims a day's run; the unique
/// (job, day) index backs this up.
/// </summary>
public static class JobRuns
{
    public const int MaxMessageLength = 500;

    /// <summary>A failed run is tried again on a later check, at most this many attempts per day in all.</summary>
    public const int MaxAttempts = 3;

    /// <summary>A run still "running" after this long belonged to an instance that stopped; it may be tried again.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(2);

    /// <returns>True when this caller is to run the job now.</returns>
    public static async Task<bool> TryClaimAsync(PnxDb db, string job, DateOnly day, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await JobLock.AcquireAsync(db, ct);
        var run = await db.JobRuns.SingleOrDefaultAsync(r => r.Job == job && r.Day == day, ct);
        if (run is null)
        {
            db.JobRuns.Add(new JobRun { Job = job, Day = day, StartedAt = now, Outcome = JobOutcome.Running, Attempts = 1 });
        }
        else if (IsDueAgain(run, now))
        {
            run.Attempts++;
            run.StartedAt = now;
            run.EndedAt = null;
            run.Outcome = JobOutcome.Running;
        }
        else
        {
            return false;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Whether anything is left to do for the day, read without taking the lock (a cheap check before claiming).</summary>
    public static async Task<bool> AnyDueAsync(PnxDb db, IReadOnlyCollection<string> jobs, DateOnly day, DateTime now, CancellationToken ct)
    {
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.Day == day).ToListAsync(ct);
        return jobs.Any(job => runs.FirstOrDefault(r => r.Job == job) is not { } run || IsDueAgain(run, now));
    }

    public static Task FinishAsync(PnxDb db, string job, DateOnly day, JobOutcome outcome, string message, DateTime now, CancellationToken ct)
    {
        var text = message.Length > MaxMessageLength ? message[..(MaxMessageLength - 1)] + "…" : message;
        return db.JobRuns.Where(r => r.Job == job && r.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Outcome, outcome).SetProperty(r => r.EndedAt, now).SetProperty(r => r.Message, text), ct);
    }

    private static bool IsDueAgain(JobRun run, DateTime now) =>
        run.Attempts < MaxAttempts
        && (run.Outcome == JobOutcome.Failed || (run.Outcome == JobOutcome.Running && now - run.StartedAt > AbandonedAfter));
}
