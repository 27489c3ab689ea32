using System.Globalization;

namespace Pnx.Imports.Reading;

/// <summary>Turns typed cell values into the text a person typed: 1500 → "1500", never "1.5E3".</summary>
internal static class XlsxCellText
{
    // The range DateTime.FromOADate accepts.
    private const double MinOaDate = -657435.0;
    private const double MaxOaDate = 2958466.0;

    public static string Number(string raw)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            return raw;
        if (Math.Abs(value) < 1e15 && value == Math.Floor(value))
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        if (Math.Abs(value) is < 1e15 and >= 1e-6)
            return ((decimal)value).ToString(CultureInfo.InvariantCulture); // 15 significant digits, as Excel shows
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A serial day count (1 = 1900-01-01 in Excel's reckoning) as yyyy-MM-dd; a time of day is dropped.</summary>
    public static string? Date(string raw)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < MinOaDate or >= MaxOaDate)
            return null;
        return DateOnly.FromDateTime(DateTime.FromOADate(value)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>Cells of type "d" hold an ISO 8601 date or date-time.</summary>
    public static string IsoDate(string raw) =>
        DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
            ? DateOnly.FromDateTime(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : raw;

    public static string Boolean(string raw) => raw.Trim() is "1" or "true" ? "TRUE" : "FALSE";
}
