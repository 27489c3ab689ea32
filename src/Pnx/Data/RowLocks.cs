using Microsoft.EntityFrameworkCore;

namespace Pnx.Data;

/// <summary>
/// Row locks for the check-then-write paths of case work (one open enrolment per activity, capacity, one
/// assignment, a version check), so that several server instances on one PostgreSQL cannot both pass a check.
/// PostgreSQL: <c>FOR NO KEY UPDATE</c>, which serialises writers of the row but leaves foreign-key checks of
/// other inserts alone. SQLite: nothing to do, its transactions begin IMMEDIATE and hold the one write lock.
/// Take them before the audit head, which <c>AuditTrail</c> locks last: every write path follows that order
/// (rows, then head), so no two transactions can wait on each other in a circle.
/// </summary>
public static class RowLocks
{
    public static async Task NewcomerAsync(PnxDb db, long id, CancellationToken ct)
    {
        if (db.Engine == DatabaseEngine.Postgres)
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM newcomers WHERE \"Id\" = {id} FOR NO KEY UPDATE", ct);
    }

    public static async Task EnrolmentAsync(PnxDb db, long id, CancellationToken ct)
    {
        if (db.Engine == DatabaseEngine.Postgres)
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM enrolments WHERE \"Id\" = {id} FOR NO KEY UPDATE", ct);
    }

    public static async Task ActivityAsync(PnxDb db, int id, CancellationToken ct)
    {
        if (db.Engine == DatabaseEngine.Postgres)
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM activities WHERE \"Id\" = {id} FOR NO KEY UPDATE", ct);
    }
}
