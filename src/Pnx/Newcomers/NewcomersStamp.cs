using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Pnx.Data;

namespace Pnx.Newcomers;

/// <summary>
/// <c>municipalities.NewcomersStamp</c>: a random number the database draws anew, in the writing transaction, whenever a
/// newcomer of the municipality is added or deleted, or changes a column that decides whether it is current (municipality,
/// withdrawn, erased, certificate date, last confirmed; see <see cref="CurrentNewcomers"/>). Triggers draw it (migration
/// NewcomersStamp, both engines), so every writer is covered: pages, API, imports, erasure, another process, a tool. A
/// reader that read the stamp in the same statement as something derived from the current newcomers (the list's count)
/// knows that the derived value still holds while the stamp is unchanged. Random rather than counted, so that a database
/// restored from a backup never shows a stamp a reader saw before for other data. Case work (contacts, hours) draws none.
/// </summary>
public static class NewcomersStamp
{
    /// <summary>SQLite's row triggers that draw it (migration NewcomersStamp).</summary>
    private static readonly string[] SqliteTriggerNames = ["newcomers_stamp_insert", "newcomers_stamp_update", "newcomers_stamp_delete"];

    /// <summary>What the triggers do, once for a municipality, on each engine (as in the migration).</summary>
    private const string SqliteStamp = "UPDATE municipalities SET \"NewcomersStamp\" = random() WHERE \"Id\" = {0}";

    private const string PostgresStamp = "UPDATE municipalities SET \"NewcomersStamp\" = (random() * 9.2e18)::bigint WHERE \"Id\" = {0}";

    /// <summary>
    /// Runs <paramref name="write"/>, a bulk write of newcomers (an import: up to every row of a municipality), with the row
    /// triggers idle, then stamps <paramref name="municipalityIds"/> once: row by row the triggers cost an update of the
    /// municipality per newcomer written (SQLite, 100,000 rows: about 0.2 s). All inside the caller's transaction, so a
    /// rollback undoes it with everything else. SQLite: the triggers are set aside (<see cref="SqliteTriggers"/>).
    /// PostgreSQL: the setting the triggers' WHEN reads, <c>pnx.newcomers_bulk_write</c>, is on for this transaction only
    /// (other transactions' triggers keep firing).
    /// </summary>
    public static async Task WithTriggersSuspendedAsync(PnxDb db, IReadOnlyCollection<int> municipalityIds, Func<Task> write, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The newcomers' stamp triggers are suspended only inside a transaction.");
        var postgres = db.Engine == DatabaseEngine.Postgres;
        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT set_config('pnx.newcomers_bulk_write', 'on', true)", ct);
            await write();
            await db.Database.ExecuteSqlRawAsync("SELECT set_config('pnx.newcomers_bulk_write', 'off', true)", ct);
        }
        else
        {
            await SqliteTriggers.SuspendedAsync(db.Database.GetDbConnection(), transaction, SqliteTriggerNames, write, ct);
        }

        foreach (var id in municipalityIds) await db.Database.ExecuteSqlRawAsync(postgres ? PostgresStamp : SqliteStamp, [id], ct);
    }
}
