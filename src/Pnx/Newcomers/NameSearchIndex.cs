using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Newcomers;

/// <summary>
/// The name search's index on SQLite: FTS5 trigrams of <see cref="Newcomer.SearchName"/> (migration
/// <c>NewcomerNameSearchIndex</c>, kept by triggers). The search words of three characters or more narrow the newcomers
/// to those whose name has their trigrams, so a search reads the few candidates instead of every newcomer of the municipality.
/// The index only narrows: the search's own condition (<see cref="Newcomer.SearchName"/> contains the word) still decides.
/// </summary>
public static class NameSearchIndex
{
    /// <summary>FTS5's trigram index answers words of at least three characters.</summary>
    private const int MinimumLength = 3;

    /// <summary>The words the index can answer (all of them narrow together), none on PostgreSQL.</summary>
    public static IReadOnlyList<string> WordsFor(PnxDb db, IReadOnlyList<string> words) =>
        db.Engine == DatabaseEngine.Sqlite ? [.. words.Where(w => w.EnumerateRunes().Count() >= MinimumLength)] : [];

    /// <summary>
    /// The ids of the newcomers whose search form may contain every one of <paramref name="words"/> (any municipality: the
    /// caller's query fixes it); the index intersects the words' trigrams itself, so a full name reads the few who have both.
    /// </summary>
    public static IQueryable<long> Candidates(PnxDb db, IReadOnlyList<string> words)
    {
        if (words.Count == 0) throw new ArgumentException("At least one word the index answers.", nameof(words));
        // Each word a phrase of its trigrams (consecutive, so the word itself, case aside), all of them in the same name.
        var phrases = string.Join(" AND ", words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        return db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM newcomer_search WHERE newcomer_search MATCH {phrases}");
    }

    /// <summary>The trigger that indexes every inserted newcomer (migration NewcomerNameSearchIndex).</summary>
    private const string InsertTrigger = "newcomer_search_insert";

    /// <summary>
    /// Runs <paramref name="insert"/>, a statement adding many newcomers on SQLite, with the index's insert trigger suspended
    /// (<see cref="SqliteTriggers"/>), then indexes the rows it added in one statement: FTS5 indexes a batch several times
    /// faster than row by row through a trigger (100,000 imported rows: about half a second less). All of it inside the
    /// caller's transaction.
    /// </summary>
    public static async Task<int> InsertInBulkAsync(DbConnection connection, DbTransaction transaction, Func<Task<int>> insert, CancellationToken ct)
    {
        var before = (long)(await SqliteTriggers.ScalarAsync(connection, transaction, "SELECT coalesce(max(\"Id\"), 0) FROM newcomers", ct))!;
        var inserted = 0;
        await SqliteTriggers.SuspendedAsync(connection, transaction, [InsertTrigger], async () =>
        {
            inserted = await insert();
            // New rows get ids above every id before them (SQLite's rowid: max + 1), so this reads exactly the rows just added.
            await SqliteTriggers.ScalarAsync(connection, transaction,
                $"INSERT INTO newcomer_search (rowid, \"SearchName\") SELECT \"Id\", \"SearchName\" FROM newcomers WHERE \"Id\" > {before} AND \"SearchName\" IS NOT NULL", ct);
        }, ct);
        return inserted;
    }
}
