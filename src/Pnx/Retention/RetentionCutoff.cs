using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Newcomers;

namespace Pnx.Retention;

/// <summary>
/// The retention rules of one municipality on one day, as query thresholds: computed once per request (the workspace
/// carries it) or per CLI run, and applied by <see cref="CurrentNewcomers.Of"/>, so that no query returns a person past
/// their date even before the purge ran.
/// </summary>
public sealed record RetentionCutoff(int MunicipalityId, DateOnly Today, RetentionTerms Terms)
{
    /// <summary>Rule 1: a certificate on or before this day has ended.</summary>
    public DateOnly CertificateOnOrBefore => RetentionRules.EndedOnOrBefore(Today);

    /// <summary>Rules 3 and 4: last confirmed before this UTC moment means past the date.</summary>
    public DateTime ConfirmedBefore
    {
        get
        {
            var day = RetentionRules.EndedOnOrBefore(Today, Terms.UnconfirmedMonths);
            if (Terms.ProtocolEndedOnOrBefore(Today) is { } protocolDay && protocolDay > day) day = protocolDay;
            return BelgianTime.StartOfDayUtc(day.AddDays(1));
        }
    }

    /// <summary>
    /// Newcomers not past the date of rules 1, 3 and 4, given <see cref="CertificateOnOrBefore"/> and
    /// <see cref="ConfirmedBefore"/> (withdrawal and erasure are checked by <see cref="CurrentNewcomers"/>).
    /// </summary>
    public static readonly QueryRule<Newcomer, DateOnly, DateTime> Kept = new((n, certificateOnOrBefore, confirmedBefore) =>
        (n.CertificateDate == null || n.CertificateDate > certificateOnOrBefore) && n.LastConfirmedAt >= confirmedBefore);

    /// <summary>The same rule as <see cref="Kept"/> for a row already loaded (views across municipalities).</summary>
    public bool KeepsLoaded(DateOnly? certificateDate, DateTime lastConfirmedAt) =>
        Kept.Holds(new Newcomer { DossierNumber = "", CertificateDate = certificateDate, LastConfirmedAt = lastConfirmedAt }, CertificateOnOrBefore, ConfirmedBefore);

    /// <summary>Newcomers past their date by any rule and not yet erased: what the purge removes.</summary>
    public Expression<Func<Newcomer, bool>> Due
    {
        get
        {
            var certificate = CertificateOnOrBefore;
            var confirmed = ConfirmedBefore;
            return n => n.ErasedAt == null && (n.WithdrawnAt != null || n.CertificateDate <= certificate || n.LastConfirmedAt < confirmed);
        }
    }

    /// <summary>The date on which this newcomer's data go and by which rule.</summary>
    public RetentionDeadline DeadlineOf(Newcomer newcomer) =>
        RetentionRules.DeadlineOf(newcomer.CertificateDate, newcomer.WithdrawnAt, newcomer.LastConfirmedAt, Terms);

    public static async Task<RetentionCutoff> ForAsync(PnxDb db, int municipalityId, DateOnly today, CancellationToken ct) =>
        From(municipalityId, await db.Protocols.AsNoTracking().Where(p => p.MunicipalityId == municipalityId).Select(TermOf).ToListAsync(ct), today);

    /// <summary>Every municipality's cutoff, in one query.</summary>
    public static async Task<IReadOnlyDictionary<int, RetentionCutoff>> ForAllAsync(PnxDb db, DateOnly today, CancellationToken ct)
    {
        var municipalities = await db.Municipalities.AsNoTracking().Select(m => m.Id).ToListAsync(ct);
        var protocols = await db.Protocols.AsNoTracking().Select(p => new
        {
            p.MunicipalityId,
            Term = new ProtocolTerm(p.StartDate, p.EffectiveEndDate, p.TerminatedAt, p.UnconfirmedRetentionMonths, p.EndedRetentionDays),
        }).ToListAsync(ct);
        var terms = protocols.ToLookup(p => p.MunicipalityId, p => p.Term);
        return municipalities.ToDictionary(id => id, id => From(id, terms[id].ToList(), today));
    }

    /// <summary>The cutoff of a municipality from its protocols as already loaded (the workspace resolution loads them with it).</summary>
    public static RetentionCutoff From(int municipalityId, IReadOnlyCollection<ProtocolTerm> protocols, DateOnly today) =>
        new(municipalityId, today, RetentionTerms.Of(protocols, today));

    /// <summary>What retention needs of a protocol, as a projection.</summary>
    public static readonly Expression<Func<Protocols.Protocol, ProtocolTerm>> TermOf =
        p => new ProtocolTerm(p.StartDate, p.EffectiveEndDate, p.TerminatedAt, p.UnconfirmedRetentionMonths, p.EndedRetentionDays);
}
