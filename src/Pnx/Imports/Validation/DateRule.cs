using System.Globalization;

namespace Pnx.Imports.Validation;

/// <summary>
/// The certificate date drives retention (6 months after it), so a wrong date keeps or drops personal
/// data wrongly: impossible, future and implausibly old dates are refused, never guessed.
/// </summary>
internal static class DateRule
{
    public const string BadFormat = "is not a date in the form dd/mm/yyyy or yyyy-mm-dd";
    public const string Impossible = "is not an existing date";
    public const string Future = "lies in the future";
    public const string TooOld = "lies before 01/01/2000, which is not plausible for a civic integration certificate";

    private static readonly DateOnly Earliest = new(2000, 1, 1);

    // Excel counts days from 1899-12-30 for every serial after its fictitious 29/02/1900.
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    public static string? Check(string value, DateOnly today, out DateOnly date) => Parse(value, out date) switch
    {
        DateProblem.None => Plausible(date, today),
        DateProblem.BadFormat => BadFormat,
        DateProblem.Impossible => Impossible,
        DateProblem.BeforeExcelDates => TooOld,
    };

    /// <summary>
    /// Only the form: <c>dd/mm/yyyy</c>, <c>d/m/yyyy</c>, <c>yyyy-mm-dd</c> or an Excel serial day number, and an
    /// existing day. Whether the date is plausible is the caller's rule (a certificate date, an activity's period).
    /// </summary>
    public static DateProblem Parse(string value, out DateOnly date)
    {
        date = default;
        var span = value.AsSpan();
        int year, month, day;
        if (span.Length == 10 && span[4] == '-' && span[7] == '-')
        {
            if (!Number(span[..4], out year) || !Number(span[5..7], out month) || !Number(span[8..], out day))
                return DateProblem.BadFormat;
        }
        else if (span.IndexOf('/') > 0)
        {
            var first = span.IndexOf('/');
            var second = span[(first + 1)..].IndexOf('/');
            if (second < 0) return DateProblem.BadFormat;
            second += first + 1;
            var dayPart = span[..first];
            var monthPart = span[(first + 1)..second];
            var yearPart = span[(second + 1)..];
            if (dayPart.Length is < 1 or > 2 || monthPart.Length is < 1 or > 2 || yearPart.Length != 4
                || !Number(dayPart, out day) || !Number(monthPart, out month) || !Number(yearPart, out year))
                return DateProblem.BadFormat;
        }
        else if (span.Length <= 6 && Number(span, out var serial))
        {
            // A date typed in Excel but exported as its number. Serials up to 60 are before 1900-03-01,
            // where Excel's leap-year bug makes them ambiguous; they are implausible anyway.
            if (serial <= 60) return DateProblem.BeforeExcelDates;
            date = ExcelEpoch.AddDays(serial);
            return DateProblem.None;
        }
        else
        {
            return DateProblem.BadFormat;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return DateProblem.Impossible;
        date = new DateOnly(year, month, day);
        return DateProblem.None;
    }

    private static string? Plausible(DateOnly date, DateOnly today) =>
        date > today ? Future : date < Earliest ? TooOld : null;

    private static bool Number(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (!CodeRules.AllDigits(digits)) return false;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>What is wrong with a date's form, before any plausibility rule.</summary>
internal enum DateProblem
{
    None,
    BadFormat,
    Impossible,

    /// <summary>An Excel serial number of 60 or less: before 1 March 1900, ambiguous in Excel.</summary>
    BeforeExcelDates,
}
