using Pnx.Data;

namespace Pnx.Newcomers;

/// <summary>
/// THE definition of a newcomer a municipality may see today: shared with it, not withdrawn, not erased.
/// Every page, export and API route that shows personal data starts from this query.
/// </summary>
public static class CurrentNewcomers
{
    public static IQueryable<Newcomer> Of(PnxDb db, int municipalityId) =>
        db.Newcomers.Where(n => n.MunicipalityId == municipalityId && n.WithdrawnAt == null && n.ErasedAt == null);
}
