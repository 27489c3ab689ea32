using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Newcomers;

/// <summary>
/// The name search's index on SQLite: FTS5 trigrams of <see cref="Newcomer.SearchName"/> (migration
/// <c>NewcomerNameSearchIndex</c>, kept by triggers). A search word of three characters or more narrows the newcomers to
/// those whose name has its trigrams, so a search reads the few candidates instead of every newcomer of the municipality.
/// The index only narrows: the search's own condition (<see cref="Newcomer.SearchName"/> contains the word) still decides.
/// </summary>
public static class NameSearchIndex
{
    /// <summary>FTS5's trigram index answers a LIKE with at least three characters between its wildcards.</summary>
    private const int MinimumLength = 3;

    /// <summary>The word the index is asked for: the longest (the most trigrams, so the fewest candidates), if any qualifies.</summary>
    public static string? WordFor(PnxDb db, IReadOnlyList<string> words) =>
        db.Database.IsSqlite()
            ? words.Where(w => w.EnumerateRunes().Count() >= MinimumLength && w.IndexOfAny(['%', '_']) < 0)
                .OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).FirstOrDefault()
            : null;

    /// <summary>The ids of the newcomers whose search form may contain <paramref name="word"/> (any municipality: the caller's query fixes it).</summary>
    public static IQueryable<long> Candidates(PnxDb db, string word) =>
        db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM newcomer_search WHERE \"SearchName\" LIKE {"%" + word + "%"}");
}
