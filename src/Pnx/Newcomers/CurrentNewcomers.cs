using Microsoft.EntityFrameworkCore;
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
    /// <summary>The rule, of the municipality's id and the cutoff's two thresholds, for compiled queries (<see cref="QueryRules.Expand{T}"/>).</summary>
    public static readonly QueryRule<Newcomer, int, DateOnly, DateTime> Visible = new((n, municipalityId, certificateOnOrBefore, confirmedBefore) =>
        n.MunicipalityId == municipalityId && n.WithdrawnAt == null && n.ErasedAt == null
        && RetentionCutoff.Kept.Holds(n, certificateOnOrBefore, confirmedBefore));

    public static IQueryable<Newcomer> Of(PnxDb db, RetentionCutoff cutoff) =>
        db.Newcomers.Where(Visible.For(cutoff.MunicipalityId, cutoff.CertificateOnOrBefore, cutoff.ConfirmedBefore));

    /// <summary>One current newcomer by id, untracked; null when not current in the cutoff's municipality. A compiled query.</summary>
    public static Task<Newcomer?> FindAsync(PnxDb db, RetentionCutoff cutoff, long id, CancellationToken ct) =>
        ById.For(db)(db, id, cutoff.MunicipalityId, cutoff.CertificateOnOrBefore, cutoff.ConfirmedBefore, ct);

    private static readonly PerEngine<Func<PnxDb, long, int, DateOnly, DateTime, CancellationToken, Task<Newcomer?>>> ById = new(() => EF.CompileAsyncQuery(
        QueryRules.Expand<Func<PnxDb, long, int, DateOnly, DateTime, CancellationToken, Newcomer?>>((db, id, municipalityId, certificateOnOrBefore, confirmedBefore, ct) =>
            db.Newcomers.AsNoTracking().FirstOrDefault(n => n.Id == id && Visible.Holds(n, municipalityId, certificateOnOrBefore, confirmedBefore)))));
}
