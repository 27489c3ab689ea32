using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Pnx.Data;
using Pnx.Retention;

namespace Pnx.Newcomers.Pages;

/// <summary>One row of the newcomer list, with the case work around it (last contact, hours recorded, assigned case worker).</summary>
public sealed record NewcomerListRow(
    long Id, string DossierNumber, string? FamilyName, string? GivenNames, string? PostalCode, string? City,
    string? ContactLanguage, DutchLevel? DutchLevel, CivicOrientationStatus? Status, InterestsAndNeeds Interests,
    DateTime? LastContact, double Hours, string? AssignedTo);

/// <param name="Total">How many newcomers the filters let through, counted up to <see cref="NewcomerFilter.MaxRows"/> + 1 (see <see cref="MoreThanCounted"/>).</param>
public sealed record NewcomerListPage(int Total, IReadOnlyList<NewcomerListRow> Rows)
{
    /// <summary>More newcomers than the list counts and pages (<see cref="NewcomerFilter.MaxRows"/>): the page says "meer dan".</summary>
    public bool MoreThanCounted => Total > NewcomerFilter.MaxRows;

    /// <summary>The pages one can reach: at most <see cref="NewcomerFilter.MaxPage"/>.</summary>
    public int PageCount => Math.Max(1, (Math.Min(Total, NewcomerFilter.MaxRows) + NewcomerFilter.PageSize - 1) / NewcomerFilter.PageSize);
}

/// <summary>
/// The municipality's current newcomers, filtered, sorted and paged in SQL. The municipality filter is
/// part of the query itself: authorization decided who may ask, this decides what exists.
/// </summary>
public static class NewcomerListQuery
{
    public static IQueryable<Newcomer> Current(PnxDb db, RetentionCutoff cutoff) =>
        CurrentNewcomers.Of(db, cutoff).AsNoTracking();

    /// <summary>
    /// One query for the page and its count; last contact and hours are the summaries the database keeps on the
    /// newcomer's row (indexed for their sorts), the assigned case worker and the status filter correlated subqueries
    /// on indexed columns, so the database answers everything in one round trip. <paramref name="userId"/> is the signed-in
    /// case worker, for "mijn inburgeraars".
    /// </summary>
    public static Task<NewcomerListPage> RunAsync(PnxDb db, RetentionCutoff cutoff, NewcomerFilter filter, string? search, string userId, CancellationToken ct) =>
        RunAsync(db, cutoff, filter, search, userId, compiled: !filter.IsFiltered && search is null, ct);

    /// <param name="compiled">The compiled query (only for a list without filters or search); false: the ordinary one (tests compare them).</param>
    internal static async Task<NewcomerListPage> RunAsync(
        PnxDb db, RetentionCutoff cutoff, NewcomerFilter filter, string? search, string userId, bool compiled, CancellationToken ct)
    {
        if (compiled && (filter.IsFiltered || search is not null)) throw new ArgumentException("Only the unfiltered list is compiled.", nameof(compiled));
        var skip = (filter.Page - 1) * NewcomerFilter.PageSize;
        if (compiled) return await UnfilteredAsync(db, cutoff, filter, skip, ct);
        var query = Current(db, cutoff);
        // "Has an enrolment in status X" and "mijn inburgeraars" are sets of ids read from their own index (an IN, not an EXISTS
        // per newcomer), so the engine can start from the few who match instead of probing a whole municipality in list order.
        var municipalityId = cutoff.MunicipalityId;
        if (filter.EnrolmentStatus is { } enrolmentStatus)
        {
            query = query.Where(n => db.Enrolments.Where(e => e.MunicipalityId == municipalityId && e.Status == enrolmentStatus).Select(e => e.NewcomerId).Contains(n.Id));
        }

        if (filter.NotContacted) query = query.Where(n => n.LastContactAt == null);
        if (filter.GoalReached) query = query.Where(n => n.RecordedHours >= NewcomerFilter.GoalHours);
        if (filter.Mine)
        {
            query = query.Where(n => db.NewcomerAssignments.Where(a => a.MunicipalityId == municipalityId && a.UserId == userId).Select(a => a.NewcomerId).Contains(n.Id));
        }

        if (filter.Interests != InterestsAndNeeds.None)
        {
            var mask = (int)filter.Interests;
            query = query.Where(n => ((int)n.Interests & mask) != 0);
        }

        if (filter.LevelUnknown) query = WithRank(query, LevelRank, UnknownRank);
        else if (filter.Level is { } level) query = WithRank(query, LevelRank, LevelRanks[level]);
        if (filter.Status is { } status) query = WithRank(query, CivicOrientationRank, StatusRanks[status]);
        if (filter.Language is { } language) query = query.Where(n => n.ContactLanguage == language);
        if (search is not null) query = Matching(db, query, search);

        // The count rides along with the page (a scalar subquery the engine evaluates once), so a view is one round trip;
        // only a page past the end, which has no row to carry it, asks for the count on its own. Both stop one past
        // NewcomerFilter.MaxRows, as the paging does: no view counts or skips more of a large municipality than that.
        var page = await query.Provider.CreateQuery<PagedRow>(PageExpression(
            Expression.Constant(db), SortExpression(query.Expression, SortWithin(filter)), QueryRules.Value(skip), CountExpression(query.Expression),
            Expression.Constant(0L))).ToListAsync(ct);
        var total = page.Count > 0 ? page[0].Total
            : filter.Page == 1 ? 0
            : await CountAsync(query, ct);
        return new NewcomerListPage(total, page.ConvertAll(p => p.Row));
    }

    /// <summary>
    /// The unfiltered list by its compiled query (no expression is built per view). It sends the count it read last with its
    /// stamp (<see cref="KnownListCount"/>): unchanged, it is not counted again.
    /// </summary>
    private static async Task<NewcomerListPage> UnfilteredAsync(PnxDb db, RetentionCutoff cutoff, NewcomerFilter filter, int skip, CancellationToken ct)
    {
        var page = await UnfilteredPage(db, cutoff, filter.Sort, skip, KnownListCount.Find(db, cutoff)).ToListAsync(ct);
        var total = page.Count > 0 ? page[0].Total
            : filter.Page == 1 ? 0
            : await CountAsync(Current(db, cutoff), ct);
        if (page.Count > 0) KnownListCount.Record(db, cutoff, page[0].Stamp, total);
        return new NewcomerListPage(total, page.ConvertAll(p => p.Row));
    }

    /// <summary>A row of the page, the count of every newcomer the filters let through, and (unfiltered list) the municipality's <see cref="NewcomersStamp"/>.</summary>
    private sealed record PagedRow(NewcomerListRow Row, int Total, long Stamp);

    /// <summary>
    /// The page, written once: the sorted set, the count and the stamp are placeholders, replaced by the ordinary query's
    /// expressions or, for the unfiltered list, by the compiled query's (<see cref="UnfilteredPage"/>).
    /// </summary>
    private static readonly Expression<Func<PnxDb, IQueryable<Newcomer>, int, int, long, IQueryable<PagedRow>>> Page =
        (db, sorted, skip, total, stamp) => sorted.Skip(skip).Take(NewcomerFilter.PageSize).Select(n => new PagedRow(
            new NewcomerListRow(n.Id, n.DossierNumber, n.FamilyName, n.GivenNames, n.PostalCode, n.City,
                n.ContactLanguage, n.DutchLevel, n.CivicOrientationStatus, n.Interests,
                n.LastContactAt,
                n.RecordedHours,
                db.NewcomerAssignments.Where(a => a.NewcomerId == n.Id)
                    .Select(a => db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault()).FirstOrDefault()),
            total, stamp));

    /// <summary>The count of every newcomer the filters let through, up to <see cref="CountedRows"/>: a scalar subquery of the page, or on its own for a page past the end.</summary>
    private static readonly Expression<Func<IQueryable<Newcomer>, int>> Count = filtered => filtered.OrderBy(n => n.MunicipalityId).Take(CountedRows).Count();

    /// <summary>
    /// The count counts the first <see cref="NewcomerFilter.MaxRows"/> + 1 (one more than the list pages, to know there are
    /// more). Which ones does not matter: it is ordered on the municipality, which the query fixes, so no engine sorts for
    /// it, and EF Core does not warn of a Take without an order.
    /// </summary>
    private const int CountedRows = NewcomerFilter.MaxRows + 1;

    private static Expression PageExpression(Expression db, Expression sorted, Expression skip, Expression total, Expression stamp) =>
        QueryRules.Inline(Page, db, sorted, skip, total, stamp);

    /// <summary>The municipality's <see cref="NewcomersStamp"/>, read in the page's own statement.</summary>
    private static readonly Expression<Func<PnxDb, int, long>> StampOf =
        (db, municipalityId) => db.Municipalities.Where(m => m.Id == municipalityId).Select(m => m.NewcomersStamp).FirstOrDefault();

    private static Expression CountExpression(Expression filtered) => QueryRules.Inline(Count, filtered);

    /// <summary>The count on its own, for a page past the end (no row to carry it).</summary>
    private static Task<int> CountAsync(IQueryable<Newcomer> filtered, CancellationToken ct) =>
        ((IAsyncQueryProvider)filtered.Provider).ExecuteAsync<Task<int>>(CountExpression(filtered.Expression), ct);

    /// <summary>
    /// A Dutch level's place in the list (no knowledge of Dutch first, unknown last): what the level sort orders by and the
    /// level filter compares. Migration ListSortIndexes indexes this exact expression; change both together.
    /// </summary>
    private static readonly Expression<Func<Newcomer, int>> LevelRank = n => n.DutchLevel == null ? UnknownRank : n.DutchLevel == DutchLevel.Geen ? 0
        : n.DutchLevel == DutchLevel.A1 ? 1 : n.DutchLevel == DutchLevel.A2 ? 2 : n.DutchLevel == DutchLevel.B1 ? 3
        : n.DutchLevel == DutchLevel.B2 ? 4 : n.DutchLevel == DutchLevel.C1 ? 5 : 6;

    /// <summary>A civic-orientation status's place in the list (unknown last), as <see cref="LevelRank"/>.</summary>
    private static readonly Expression<Func<Newcomer, int>> CivicOrientationRank = n => n.CivicOrientationStatus == null ? UnknownRank
        : n.CivicOrientationStatus == CivicOrientationStatus.NotStarted ? 0 : n.CivicOrientationStatus == CivicOrientationStatus.Registered ? 1
        : n.CivicOrientationStatus == CivicOrientationStatus.InProgress ? 2 : n.CivicOrientationStatus == CivicOrientationStatus.Passed ? 3
        : n.CivicOrientationStatus == CivicOrientationStatus.Failed ? 4 : n.CivicOrientationStatus == CivicOrientationStatus.Exempted ? 5 : 6;

    private const int UnknownRank = 9;

    /// <summary>The newcomers whose <paramref name="rank"/> is <paramref name="value"/> (the filter reads the rank's index).</summary>
    private static IQueryable<Newcomer> WithRank(IQueryable<Newcomer> query, Expression<Func<Newcomer, int>> rank, int value) =>
        query.Where(Expression.Lambda<Func<Newcomer, bool>>(Expression.Equal(rank.Body, Expression.Constant(value)), rank.Parameters));

    /// <summary>Each level's and status's rank, computed once by the same expressions.</summary>
    private static readonly Dictionary<DutchLevel, int> LevelRanks = RanksOf(LevelRank, (DutchLevel l) => new Newcomer { DossierNumber = "", DutchLevel = l });

    private static readonly Dictionary<CivicOrientationStatus, int> StatusRanks =
        RanksOf(CivicOrientationRank, (CivicOrientationStatus c) => new Newcomer { DossierNumber = "", CivicOrientationStatus = c });

    private static Dictionary<T, int> RanksOf<T>(Expression<Func<Newcomer, int>> rank, Func<T, Newcomer> newcomerWith) where T : struct, Enum
    {
        var rankOf = rank.Compile();
        return Enum.GetValues<T>().ToDictionary(value => value, value => rankOf(newcomerWith(value)));
    }

    /// <summary>The sorts, written once as expressions of the set they sort (see <see cref="SortExpression"/>).</summary>
    private static readonly Dictionary<string, Expression<Func<IQueryable<Newcomer>, IOrderedQueryable<Newcomer>>>> Sorts = new(StringComparer.Ordinal)
    {
        ["dossier"] = q => q.OrderBy(n => n.DossierNumber).ThenBy(n => n.Id),
        ["naam"] = q => q.OrderBy(n => n.SearchName).ThenBy(n => n.Id),
        // Never contacted first, then the longest ago: who needs a call. (Spelled out, because the engines put NULL at different
        // ends; the same expression is indexed, see migration CaseWorkSummary.)
        ["contact"] = q => q.OrderBy(n => n.LastContactAt != null).ThenBy(n => n.LastContactAt).ThenBy(n => n.DossierNumber).ThenBy(n => n.Id),
        ["uren"] = q => q.OrderByDescending(n => n.RecordedHours).ThenBy(n => n.DossierNumber).ThenBy(n => n.Id),
        // Levels and statuses are stored by name; sorting on the text would put "Geen" after "C2". Their ranks are indexed.
        ["niveau"] = q => q.OrderBy(LevelRank).ThenBy(n => n.DossierNumber).ThenBy(n => n.Id),
        ["mo"] = q => q.OrderBy(CivicOrientationRank).ThenBy(n => n.DossierNumber).ThenBy(n => n.Id),
    };

    /// <summary>
    /// The filter's sort, except that a level or civic-orientation sort within one level or status is the dossier sort (the
    /// same order: the rank is the same for every row), which SQLite reads in the rank's index instead of sorting.
    /// </summary>
    private static string SortWithin(NewcomerFilter filter) => filter.Sort switch
    {
        "niveau" when filter.Level is not null || filter.LevelUnknown => "dossier",
        "mo" when filter.Status is not null => "dossier",
        var sort => sort,
    };

    /// <summary><paramref name="source"/> sorted by <paramref name="sort"/> (one of <see cref="NewcomerFilter.Sorts"/>; anything else: by dossier).</summary>
    private static Expression SortExpression(Expression source, string sort) =>
        QueryRules.Inline(Sorts.TryGetValue(sort, out var sorting) ? sorting : Sorts["dossier"], source);

    /// <summary>The current newcomers of a municipality, for the compiled queries.</summary>
    private static readonly Expression<Func<PnxDb, int, DateOnly, DateTime, IQueryable<Newcomer>>> CurrentIn = QueryRules.Expand<Func<PnxDb, int, DateOnly, DateTime, IQueryable<Newcomer>>>(
        (db, municipalityId, certificateOnOrBefore, confirmedBefore) =>
            db.Newcomers.AsNoTracking().Where(n => CurrentNewcomers.Visible.Holds(n, municipalityId, certificateOnOrBefore, confirmedBefore)));

    /// <summary>
    /// The list without filters or search (the case worker's landing view and its pages), one compiled query per sort:
    /// the same expressions as the ordinary query, without EF Core's per-execution work on the expression tree. Its count
    /// is a CASE on the stamp: when the municipality's stamp is still <c>knownStamp</c>, the page carries <c>knownTotal</c>
    /// and the engine never runs the count (both evaluate a scalar subquery only where it is reached); a
    /// <c>knownTotal</c> below zero (nothing known) always counts.
    /// </summary>
    private static readonly Dictionary<string, PerEngine<Func<PnxDb, int, DateOnly, DateTime, int, long, int, IAsyncEnumerable<PagedRow>>>> Unfiltered =
        Sorts.Keys.ToDictionary(sort => sort, sort => new PerEngine<Func<PnxDb, int, DateOnly, DateTime, int, long, int, IAsyncEnumerable<PagedRow>>>(() =>
        {
            var (db, skip) = (Expression.Parameter(typeof(PnxDb), "db"), Expression.Parameter(typeof(int), "skip"));
            var (knownStamp, knownTotal) = (Expression.Parameter(typeof(long), "knownStamp"), Expression.Parameter(typeof(int), "knownTotal"));
            var (municipality, certificate, confirmed) = (Expression.Parameter(typeof(int), "municipalityId"),
                Expression.Parameter(typeof(DateOnly), "certificateOnOrBefore"), Expression.Parameter(typeof(DateTime), "confirmedBefore"));
            var current = QueryRules.Inline(CurrentIn, db, municipality, certificate, confirmed);
            var stamp = QueryRules.Inline(StampOf, db, municipality);
            var known = Expression.AndAlso(Expression.GreaterThanOrEqual(knownTotal, Expression.Constant(0)), Expression.Equal(stamp, knownStamp));
            var total = Expression.Condition(known, knownTotal, CountExpression(current));
            return EF.CompileAsyncQuery(Expression.Lambda<Func<PnxDb, int, DateOnly, DateTime, int, long, int, IQueryable<PagedRow>>>(
                PageExpression(db, SortExpression(current, sort), skip, total, stamp), db, municipality, certificate, confirmed, skip, knownStamp, knownTotal));
        }), StringComparer.Ordinal);

    private static IAsyncEnumerable<PagedRow> UnfilteredPage(PnxDb db, RetentionCutoff cutoff, string sort, int skip, (long Stamp, int Total)? known) =>
        (Unfiltered.TryGetValue(sort, out var compiled) ? compiled : Unfiltered["dossier"])
            .For(db)(db, cutoff.MunicipalityId, cutoff.CertificateOnOrBefore, cutoff.ConfirmedBefore, skip, known?.Stamp ?? 0, known?.Total ?? -1);

    /// <summary>
    /// A dossier number (or a part of one) when the text looks like one; otherwise every word of the text somewhere in
    /// the stored search form of the name, in any order. No word at all matches nobody rather than everybody. On SQLite the
    /// words of three characters or more also narrow the newcomers to the candidates of the names' trigram index
    /// (<see cref="NameSearchIndex"/>), so a search does not test every newcomer of a large municipality.
    /// </summary>
    public static IQueryable<Newcomer> Matching(PnxDb db, IQueryable<Newcomer> query, string search)
    {
        // Dossier numbers are ASCII (CodeRules.Dossier), so SQL upper() folds their case the same on both engines.
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL, where culture does not apply
        if (NewcomerSearch.DossierPart(search) is { } dossier) return query.Where(n => n.DossierNumber.ToUpper().Contains(dossier));
#pragma warning restore CA1304, CA1311, CA1862
        var terms = NewcomerSearch.Terms(search);
        if (terms.Count == 0) return query.Where(n => false);
        foreach (var term in terms) query = query.Where(n => n.SearchName != null && n.SearchName.Contains(term));
        if (NameSearchIndex.WordsFor(db, terms) is { Count: > 0 } indexed)
        {
            var candidates = NameSearchIndex.Candidates(db, indexed);
            query = query.Where(n => candidates.Contains(n.Id));
        }

        return query;
    }
}
