namespace Pnx.Retention;

/// <summary>
/// Protocol article 3: a municipality keeps a newcomer's personal data until 6 months after the
/// civic integration certificate. Ended means the certificate is more than 6 months ago.
/// </summary>
public static class RetentionRules
{
    public const int MonthsAfterCertificate = 6;

    /// <summary>The last day the personal data may be held.</summary>
    public static DateOnly LastDay(DateOnly certificateDate) => certificateDate.AddMonths(MonthsAfterCertificate);

    public static bool HasEnded(DateOnly? certificateDate, DateOnly today) =>
        certificateDate is { } date && LastDay(date) < today;

    /// <summary>
    /// The newest certificate date whose retention has ended on <paramref name="today"/>, so that a
    /// query can use <c>CertificateDate &lt;= threshold</c>. Month ends make a plain AddMonths(-6) off by days.
    /// </summary>
    public static DateOnly EndedOnOrBefore(DateOnly today)
    {
        var threshold = today.AddMonths(-MonthsAfterCertificate);
        while (!HasEnded(threshold, today)) threshold = threshold.AddDays(-1);
        while (HasEnded(threshold.AddDays(1), today)) threshold = threshold.AddDays(1);
        return threshold;
    }
}
