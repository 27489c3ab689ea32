using Microsoft.EntityFrameworkCore;
using Pnx.Activities;
using Pnx.Data;
using Pnx.Enrolments;
using Pnx.Newcomers;

namespace Pnx.Matching;

/// <summary>The data matching works on, read with one query per side.</summary>
public static class MatchingQueries
{
    /// <summary>Activities a municipality's case workers may use: its own and those shared with it.</summary>
    public static IQueryable<Activity> Usable(PnxDb db, int municipalityId) =>
        db.Activities.Where(a => a.MunicipalityId == municipalityId || a.SharedWith.Any(s => s.MunicipalityId == municipalityId));

    /// <summary>Every usable activity with the places taken, as matching sees it.</summary>
    public static async Task<IReadOnlyList<MatchActivity>> ActivitiesAsync(PnxDb db, int municipalityId, CancellationToken ct) =>
        await Usable(db, municipalityId).AsNoTracking()
            .Select(a => new MatchActivity(
                a.Id, a.Title, a.MunicipalityId == municipalityId, a.Categories, a.Childcare, a.FamilyActivity, a.Free,
                a.MinimumDutchLevel, a.Languages, a.Capacity,
                db.Enrolments.Count(e => e.ActivityId == a.Id && (e.Status == EnrolmentStatus.Aangemeld || e.Status == EnrolmentStatus.Gestart)),
                a.From, a.To, a.DeactivatedAt != null))
            .ToListAsync(ct);

    public static MatchProfile Profile(Newcomer newcomer) => new(newcomer.Interests, newcomer.DutchLevel, newcomer.ContactLanguage);

    /// <summary>Activities of this newcomer with an enrolment that is not final: not proposed twice.</summary>
    public static async Task<HashSet<int>> OpenEnrolmentActivitiesAsync(PnxDb db, long newcomerId, CancellationToken ct) =>
        (await db.Enrolments.AsNoTracking()
            .Where(e => e.NewcomerId == newcomerId && e.Status != EnrolmentStatus.Afgerond && e.Status != EnrolmentStatus.Gestopt && e.Status != EnrolmentStatus.NietGestart)
            .Select(e => e.ActivityId).ToListAsync(ct)).ToHashSet();
}
