using Pnx.Hosting;

namespace Pnx.Retention;

/// <summary>What retention needs of one protocol.</summary>
public sealed record ProtocolTerm(DateOnly StartDate, DateOnly EffectiveEndDate, DateTime? TerminatedAt, int UnconfirmedRetentionMonths, int EndedRetentionDays);

/// <summary>A stretch of days covered by one protocol or by protocols that follow each other without a gap.</summary>
/// <param name="EndedOn">The last day of the stretch: a terminated protocol ends on the (Belgian) day of termination.</param>
/// <param name="Days">The setting of the protocol that ends the stretch: days its data are kept after it.</param>
public sealed record ProtocolCoverage(DateOnly StartDate, DateOnly EndedOn, int Days);

/// <summary>
/// The retention settings that apply to one municipality on one day: the months without confirmation of the protocol in
/// force (else the latest one started), and the stretches of protocol coverage. A stretch ends without a successor when no
/// later protocol starts on or before the day after it ends.
/// </summary>
public sealed record RetentionTerms(int UnconfirmedMonths, IReadOnlyList<ProtocolCoverage> Coverage)
{
    public static RetentionTerms Of(IReadOnlyCollection<ProtocolTerm> protocols, DateOnly today)
    {
        var governing = protocols.Where(p => p.TerminatedAt == null && p.StartDate <= today && p.EffectiveEndDate >= today)
            .Concat(protocols.Where(p => p.StartDate <= today).OrderByDescending(p => p.StartDate))
            .Concat(protocols.OrderBy(p => p.StartDate))
            .FirstOrDefault();
        return new RetentionTerms(governing?.UnconfirmedRetentionMonths ?? RetentionRules.DefaultUnconfirmedMonths, Stretches(protocols));
    }

    /// <summary>Rule 4 for a newcomer last confirmed on <paramref name="confirmedOn"/>: the earliest end + days of a stretch not before it.</summary>
    public DateOnly? ProtocolLastDay(DateOnly confirmedOn) =>
        Coverage.Where(c => c.EndedOn >= confirmedOn).Select(c => (DateOnly?)RetentionRules.LastDayAfterProtocol(c.EndedOn, c.Days)).Min();

    /// <summary>
    /// The newest last-confirmation day whose data are past rule 4 on <paramref name="today"/>, or null: a newcomer confirmed
    /// on or before it was shared under a stretch that ended more than its days ago.
    /// </summary>
    public DateOnly? ProtocolEndedOnOrBefore(DateOnly today) =>
        Coverage.Where(c => RetentionRules.LastDayAfterProtocol(c.EndedOn, c.Days) < today).Select(c => (DateOnly?)c.EndedOn).Max();

    private static List<ProtocolCoverage> Stretches(IEnumerable<ProtocolTerm> protocols)
    {
        var ran = protocols
            .Select(p => new ProtocolCoverage(p.StartDate, EndedOn(p), p.EndedRetentionDays))
            .Where(c => c.EndedOn >= c.StartDate)
            .OrderBy(c => c.StartDate).ThenBy(c => c.EndedOn);
        var stretches = new List<ProtocolCoverage>();
        foreach (var next in ran)
        {
            if (stretches.Count > 0 && next.StartDate <= stretches[^1].EndedOn.AddDays(1))
            {
                var current = stretches[^1];
                if (next.EndedOn >= current.EndedOn) stretches[^1] = current with { EndedOn = next.EndedOn, Days = next.Days };
                continue;
            }

            stretches.Add(next);
        }

        return stretches;
    }

    private static DateOnly EndedOn(ProtocolTerm protocol) =>
        protocol.TerminatedAt is { } terminated && BelgianTime.DateOf(terminated) < protocol.EffectiveEndDate
            ? BelgianTime.DateOf(terminated)
            : protocol.EffectiveEndDate;
}
