using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Jobs;

/// <summary>
/// Serialises claiming daily runs across server instances. PostgreSQL: a transaction-scoped advisory lock.
/// SQLite: the write transaction (BEGIN IMMEDIATE, see <see cref="RowLocks"/>) already holds the database's one
/// write lock, so a second instance waits and then reads the first one's row.
/// </summary>
public static class JobLock
{
    /// <summary>First key of the two-key advisory lock ("PNXJ"), the second names the lock within it.</summary>
    private const int DailyJobs = 0x504E584A;

    private const int Claim = 1;

    public static async Task AcquireAsync(PnxDb db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("The job lock is taken inside the transaction that claims the run.");
        if (db.Engine == DatabaseEngine.Postgres)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({DailyJobs}, {Claim})", ct);
    }
}
