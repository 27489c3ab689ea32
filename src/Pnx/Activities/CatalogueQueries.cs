using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Enrolments;
using Pnx.Matching;
using Pnx.Newcomers;

namespace Pnx.Activities;

/// <summary>One activity as the catalogue list shows it: no personal data, only the offer and its places taken.</summary>
public sealed record CatalogueRow(
    int Id, string Title, string Organiser, bool Own, string OwnerNis, string OwnerName, InterestsAndNeeds Categories,
    bool Childcare, bool FamilyActivity, bool Free, DutchLevel MinimumDutchLevel, int? Capacity, int Taken,
    DateOnly? From, DateOnly? To, bool Deactivated)
{
    public bool IsActiveOn(DateOnly day) => Activity.IsActiveOn(Deactivated, From, To, day);

    /// <summary>Title and organiser in their search form: upper case, accents removed.</summary>
    public string SearchText { get; } = NewcomerSearch.Normalize(Title + " " + Organiser);
}

/// <summary>Reads of the catalogue of one workspace: its own activities and those shared with it (<see cref="MatchingQueries.Usable"/>).</summary>
public static class CatalogueQueries
{
    /// <summary>
    /// Every usable activity. A municipality's catalogue holds tens to a few hundred rows, so search and filters run
    /// on the list in memory: accent-insensitive search then needs no stored search column.
    /// </summary>
    public static async Task<IReadOnlyList<CatalogueRow>> AllAsync(PnxDb db, int municipalityId, CancellationToken ct) =>
        await MatchingQueries.Usable(db, municipalityId).AsNoTracking()
            .Select(a => new CatalogueRow(
                a.Id, a.Title, a.Organiser, a.MunicipalityId == municipalityId, a.Municipality!.NisCode, a.Municipality.Name, a.Categories,
                a.Childcare, a.FamilyActivity, a.Free, a.MinimumDutchLevel, a.Capacity,
                db.Enrolments.Where(e => e.ActivityId == a.Id).Count(EnrolmentRules.TakingAPlace),
                a.From, a.To, a.DeactivatedAt != null))
            .ToListAsync(ct);

    /// <summary>One usable activity with its owner and partners, or null when this municipality may not use it.</summary>
    public static Task<Activity?> FindAsync(PnxDb db, int municipalityId, int id, CancellationToken ct) =>
        MatchingQueries.Usable(db, municipalityId).AsNoTracking()
            .Include(a => a.Municipality).Include(a => a.SharedWith).ThenInclude(s => s.Municipality)
            .SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>Places taken: enrolments aangemeld or gestart, across every municipality that uses the activity.</summary>
    public static Task<int> TakenAsync(PnxDb db, int activityId, CancellationToken ct) =>
        db.Enrolments.Where(e => e.ActivityId == activityId).CountAsync(EnrolmentRules.TakingAPlace, ct);

    /// <summary>The municipalities an activity of <paramref name="ownId"/> may be shared with, by name.</summary>
    public static async Task<IReadOnlyList<(string Nis, string Name)>> PartnerChoicesAsync(PnxDb db, int ownId, CancellationToken ct) =>
        (await db.Municipalities.AsNoTracking().Where(m => m.Id != ownId).Select(m => new { m.NisCode, m.Name }).ToListAsync(ct))
            .OrderBy(m => m.Name, StringComparer.Create(Hosting.UiText.Dutch, ignoreCase: true)).Select(m => (m.NisCode, m.Name)).ToList();
}
