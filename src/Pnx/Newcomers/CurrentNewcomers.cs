using Pnx.Data;
using Pnx.Retention;

namespace Pnx.Newcomers;

/// <summary>
/// THE definition of a newcomer a municipality may see today: shared with it, not withdrawn, not erased, and not past the
/// date of any retention rule (contract §9), whether or not the purge has run yet. Every page, export and API route that
/// shows personal data starts from this query; the <see cref="RetentionCutoff"/> names the municipality and the day.
/// </summary>
public static class CurrentNewcomers
{
    public static IQueryable<Newcomer> Of(PnxDb db, RetentionCutoff cutoff) =>
        db.Newcomers.Where(n => n.MunicipalityId == cutoff.MunicipalityId && n.WithdrawnAt == null && n.ErasedAt == null).Where(cutoff.Keeps);
}
