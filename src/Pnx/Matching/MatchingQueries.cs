using Microsoft.EntityFrameworkCore;
using Pnx.Activities;
using Pnx.Data;
using Pnx.Enrolments;
using Pnx.Newcomers;
using Pnx.Retention;

namespace Pnx.Matching;

/// <summary>A current newcomer as the candidate list sees it: ids and names to show, and the matching profile.</summary>
public sealed record CandidateNewcomer(long Id, string DossierNumber, string? FamilyName, string? GivenNames, MatchProfile Profile);

/// <summary>The data matching works on, read with one query per side (no query per activity or per newcomer).</summary>
public static class MatchingQueries
{
    /// <summary>Activities a municipality's case workers may use: its own and those shared with it.</summary>
    public static IQueryable<Activity> Usable(PnxDb db, int municipalityId) => db.Activities.Where(UsableIn.For(db.ActivityShares, municipalityId));

    /// <summary>
    /// THE rule of an activity a municipality may use: its own, or shared with it (<c>shares</c> is the context's
    /// <see cref="PnxDb.ActivityShares"/>). Written as an IN over the shares rather than an EXISTS, so that SQLite answers it
    /// with two index searches (own by <c>MunicipalityId</c>, shared by <c>activity_shares.MunicipalityId</c>) instead of
    /// reading every municipality's activities (<c>PageRoundTripTests.NoQueryOfADetailViewReads…</c>).
    /// </summary>
    public static readonly QueryRule<Activity, IQueryable<ActivityShare>, int> UsableIn =
        new((a, shares, municipalityId) => a.MunicipalityId == municipalityId
            || shares.Where(s => s.MunicipalityId == municipalityId).Select(s => s.ActivityId).Contains(a.Id));

    /// <summary>Every usable activity with the places taken, as matching sees it.</summary>
    public static async Task<IReadOnlyList<MatchActivity>> ActivitiesAsync(PnxDb db, int municipalityId, CancellationToken ct) =>
        await UsableActivities.For(db)(db, municipalityId, null).ToListAsync(ct);

    /// <summary>One usable activity, or null when it is not usable here (another municipality's, not shared): a 404.</summary>
    public static async Task<MatchActivity?> ActivityAsync(PnxDb db, int municipalityId, int activityId, CancellationToken ct) =>
        (await UsableActivities.For(db)(db, municipalityId, activityId).ToListAsync(ct)).SingleOrDefault();

    public static MatchProfile Profile(Newcomer newcomer) => new(newcomer.Interests, newcomer.DutchLevel, newcomer.ContactLanguage);

    /// <summary>The enrolments that are not final: an activity with one is not proposed again.</summary>
    public static IQueryable<Enrolment> Open(IQueryable<Enrolment> enrolments) =>
        enrolments.Where(e => e.Status == EnrolmentStatus.Voorgesteld || e.Status == EnrolmentStatus.Aangemeld || e.Status == EnrolmentStatus.Gestart);

    /// <summary>Activities of this newcomer with an enrolment that is not final: not proposed twice.</summary>
    public static async Task<HashSet<int>> OpenEnrolmentActivitiesAsync(PnxDb db, long newcomerId, CancellationToken ct) =>
        (await Open(db.Enrolments.AsNoTracking().Where(e => e.NewcomerId == newcomerId)).Select(e => e.ActivityId).ToListAsync(ct)).ToHashSet();

    /// <summary>
    /// The municipality's current newcomers without an open enrolment in <paramref name="activityId"/>: who the
    /// candidate list ranks. Personal data: the caller audits the dossiers it shows.
    /// </summary>
    public static async Task<IReadOnlyList<CandidateNewcomer>> CandidatesAsync(PnxDb db, RetentionCutoff cutoff, int activityId, CancellationToken ct)
    {
        var open = Open(db.Enrolments);
        return await CurrentNewcomers.Of(db, cutoff).AsNoTracking()
            .Where(n => !open.Any(e => e.NewcomerId == n.Id && e.ActivityId == activityId))
            .Select(n => new CandidateNewcomer(n.Id, n.DossierNumber, n.FamilyName, n.GivenNames,
                new MatchProfile(n.Interests, n.DutchLevel, n.ContactLanguage)))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The usable activities (or only <c>onlyId</c>) with the places taken, compiled once: every view of a newcomer runs it.
    /// A null id is a parameter EF Core turns into its own SQL without the condition, so both shapes use their indexes.
    /// </summary>
    private static readonly PerEngine<Func<PnxDb, int, int?, IAsyncEnumerable<MatchActivity>>> UsableActivities = new(() => EF.CompileAsyncQuery(
        QueryRules.Expand<Func<PnxDb, int, int?, IQueryable<MatchActivity>>>((db, municipalityId, onlyId) => db.Activities.AsNoTracking()
            .Where(a => UsableIn.Holds(a, db.ActivityShares, municipalityId) && (onlyId == null || a.Id == onlyId))
            .Select(a => new MatchActivity(
                a.Id, a.Title, a.MunicipalityId == municipalityId, a.Categories, a.Childcare, a.FamilyActivity, a.Free,
                a.MinimumDutchLevel, a.Languages, a.Capacity,
                db.Enrolments.Where(e => e.ActivityId == a.Id).Count(EnrolmentRules.TakingAPlace),
                a.From, a.To, a.DeactivatedAt != null)))));
}
