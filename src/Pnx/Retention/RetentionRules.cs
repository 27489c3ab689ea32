using Pnx.Hosting;

namespace Pnx.Retention;

/// <summary>The last day a newcomer's data may be held, and the rule that sets it; they go from <see cref="RemovedOn"/>.</summary>
public sealed record RetentionDeadline(DateOnly LastDay, RetentionRule Rule)
{
    public DateOnly RemovedOn => LastDay.AddDays(1);
}

/// <summary>
/// Contract §9, the four rules in one place: a newcomer's personal data are removed from the day after the first of
/// (1) certificate date + 6 calendar months (art. 3), (2) withdrawal, (3) N months (a setting per protocol, default 12)
/// without confirmation by an import or API push, (4) D days (a setting per protocol, default 30) after the municipality's
/// protocol ended without a successor. Days are Belgian calendar days (<see cref="BelgianTime"/>); month ends follow
/// <see cref="DateOnly.AddMonths"/> (31 August + 6 months = the last day of February).
/// </summary>
public static class RetentionRules
{
    public const int MonthsAfterCertificate = 6;

    public const int DefaultUnconfirmedMonths = 12;

    public const int DefaultEndedDays = 30;

    /// <summary>Rule 1: the last day the personal data may be held after the certificate.</summary>
    public static DateOnly LastDay(DateOnly certificateDate) => certificateDate.AddMonths(MonthsAfterCertificate);

    public static bool HasEnded(DateOnly? certificateDate, DateOnly today) =>
        certificateDate is { } date && LastDay(date) < today;

    /// <summary>Rule 3: the last day after the last confirmation (a Belgian day).</summary>
    public static DateOnly LastDayUnconfirmed(DateOnly lastConfirmedOn, int months) => lastConfirmedOn.AddMonths(months);

    /// <summary>Rule 4: the last day after the protocol coverage ended on <paramref name="endedOn"/>.</summary>
    public static DateOnly LastDayAfterProtocol(DateOnly endedOn, int days) => endedOn.AddDays(days);

    /// <summary>
    /// The newest certificate date whose retention has ended on <paramref name="today"/>, so that a
    /// query can use <c>CertificateDate &lt;= threshold</c>. Month ends make a plain AddMonths(-6) off by days.
    /// </summary>
    public static DateOnly EndedOnOrBefore(DateOnly today) => EndedOnOrBefore(today, MonthsAfterCertificate);

    /// <summary>The newest day d with d + <paramref name="months"/> calendar months before <paramref name="today"/>.</summary>
    public static DateOnly EndedOnOrBefore(DateOnly today, int months)
    {
        var threshold = today.AddMonths(-months);
        while (threshold.AddMonths(months) >= today) threshold = threshold.AddDays(-1);
        while (threshold.AddDays(1).AddMonths(months) < today) threshold = threshold.AddDays(1);
        return threshold;
    }

    /// <summary>
    /// The first of the four dates for one newcomer under the municipality's <paramref name="terms"/>; on a tie the rule
    /// listed first in <see cref="RetentionRule"/> names it.
    /// </summary>
    public static RetentionDeadline DeadlineOf(DateOnly? certificateDate, DateTime? withdrawnAt, DateTime lastConfirmedAt, RetentionTerms terms)
    {
        var confirmedOn = BelgianTime.DateOf(lastConfirmedAt);
        var candidates = new List<RetentionDeadline>(4)
        {
            new(LastDayUnconfirmed(confirmedOn, terms.UnconfirmedMonths), RetentionRule.Unconfirmed),
        };
        if (certificateDate is { } certificate) candidates.Add(new(LastDay(certificate), RetentionRule.Certificate));
        if (withdrawnAt is { } withdrawn) candidates.Add(new(BelgianTime.DateOf(withdrawn).AddDays(-1), RetentionRule.Withdrawal));
        if (terms.ProtocolLastDay(confirmedOn) is { } protocolDay) candidates.Add(new(protocolDay, RetentionRule.ProtocolEnded));
        return candidates.OrderBy(c => c.LastDay).ThenBy(c => c.Rule).First();
    }
}
