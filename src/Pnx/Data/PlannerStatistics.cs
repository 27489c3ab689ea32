using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Pnx.Data;

/// <summary>
/// Keeps SQLite's query planner informed of how large the tables are. Without statistics SQLite guesses that an index
/// search on one municipality finds ten rows, so for a list filtered on a few newcomers ("mijn inburgeraars", an enrolment
/// status) it walks the whole municipality in list order rather than starting from the few. Run after an import has
/// committed, which is when a municipality grows: <c>PRAGMA optimize</c> analyses only the tables that were never analysed or
/// grew tenfold since, each index sampled (<c>analysis_limit</c>), so it costs milliseconds, not a read of every row.
/// PostgreSQL keeps its own statistics (autovacuum's ANALYZE).
/// </summary>
public static class PlannerStatistics
{
    /// <summary>Rows sampled per index (SQLite's recommended order of magnitude).</summary>
    private const int SampledRows = 1000;

    /// <summary>0x10000: look at every table, not only those this connection queried; 0x02: analyse what needs it.</summary>
    private const string Optimize = "PRAGMA optimize=0x10002";

    public static async Task RefreshAsync(PnxDb db)
    {
        if (db.Engine != DatabaseEngine.Sqlite) return;
        try
        {
            await db.Database.ExecuteSqlRawAsync($"PRAGMA analysis_limit={SampledRows}; {Optimize};", CancellationToken.None);
        }
        catch (SqliteException)
        {
            // What was imported is committed and must be reported as done: stale statistics only make some plans slower
            // until the next import refreshes them.
        }
    }
}
