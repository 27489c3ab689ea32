using Microsoft.EntityFrameworkCore;
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
    /// <summary>SQLite's row triggers that draw it, and the statements that drop them (migration NewcomersStamp).</summary>
    private static readonly (string Name, string Drop)[] SqliteTriggers =
        [.. new[] { "newcomers_stamp_insert", "newcomers_stamp_update", "newcomers_stamp_delete" }.Select(name => (name, $"DROP TRIGGER {name}"))];

    /// <summary>
    /// Runs <paramref name="write"/>, a bulk write of newcomers (an import: up to every row of a municipality), with the row
    /// triggers idle, then stamps <paramref name="municipalityIds"/> once: row by row the triggers cost an update of the
    /// municipality per newcomer written (SQLite, 100,000 rows: about 0.2 s). All inside the caller's transaction, so a
    /// rollback undoes it with everything else. SQLite: the triggers are dropped and recreated from their own stored
    /// definitions (the migration stays their only source); the transaction holds SQLite's one write lock, so no other
    /// writer runs meanwhile. PostgreSQL: the setting the triggers' WHEN reads, <c>pnx.newcomers_bulk_write</c>, is on for
    /// this transaction only (other transactions' triggers keep firing).
    /// </summary>
    public static async Task WithTriggersSuspendedAsync(PnxDb db, IReadOnlyCollection<int> municipalityIds, Func<Task> write, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("The newcomers' stamp triggers are suspended only inside a transaction.");
        if (db.Engine == DatabaseEngine.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT set_config('pnx.newcomers_bulk_write', 'on', true)", ct);
            await write();
            await db.Database.ExecuteSqlRawAsync("SELECT set_config('pnx.newcomers_bulk_write', 'off', true)", ct);
            foreach (var id in municipalityIds)
            {
                await db.Database.ExecuteSqlAsync($"UPDATE municipalities SET \"NewcomersStamp\" = (random() * 9.2e18)::bigint WHERE \"Id\" = {id}", ct);
            }

            return;
        }

        var definitions = new List<string>();
        foreach (var (trigger, drop) in SqliteTriggers)
        {
            definitions.Add(await db.Database.SqlQuery<string>($"SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name = {trigger}").SingleOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"The newcomers' stamp trigger {trigger} is missing: is the database migrated?"));
            await db.Database.ExecuteSqlRawAsync(drop, ct);
        }

        await write();
        foreach (var id in municipalityIds)
        {
            await db.Database.ExecuteSqlAsync($"UPDATE municipalities SET \"NewcomersStamp\" = random() WHERE \"Id\" = {id}", ct);
        }

        foreach (var definition in definitions) await db.Database.ExecuteSqlRawAsync(definition, ct);
    }
}
