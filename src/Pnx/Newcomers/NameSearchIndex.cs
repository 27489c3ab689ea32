using System.Runtime.CompilerServices;
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
    /// <summary>FTS5's trigram index answers a LIKE with at least three characters between its wildcards.</summary>
    private const int MinimumLength = 3;

    /// <summary>The words the index can answer (all of them narrow together), none on PostgreSQL.</summary>
    public static IReadOnlyList<string> WordsFor(PnxDb db, IReadOnlyList<string> words) =>
        db.Database.IsSqlite() ? [.. words.Where(w => w.EnumerateRunes().Count() >= MinimumLength && w.IndexOfAny(['%', '_']) < 0)] : [];

    /// <summary>
    /// The ids of the newcomers whose search form may contain every one of <paramref name="words"/> (any municipality: the
    /// caller's query fixes it); the index intersects the words' trigrams itself, so a full name reads the few who have both.
    /// </summary>
    public static IQueryable<long> Candidates(PnxDb db, IReadOnlyList<string> words)
    {
        if (words.Count == 0) throw new ArgumentException("At least one word the index answers.", nameof(words));
        var conditions = string.Join(" AND ", words.Select((_, i) => $"\"SearchName\" LIKE {{{i}}}"));
        return db.Database.SqlQuery<long>(FormattableStringFactory.Create(
            $"SELECT rowid AS \"Value\" FROM newcomer_search WHERE {conditions}", [.. words.Select(w => (object)("%" + w + "%"))]));
    }
}
