using System.Globalization;

namespace Pnx.Activities.FileFormat;

/// <summary>Expected hours (contract §7): 0.5–1000 with at most one decimal, written with ',' or '.'; shown with a decimal comma.</summary>
public static class ActivityHours
{
    public const double Min = 0.5;
    public const double Max = 1000;

    public static bool TryParse(string text, out double hours)
    {
        hours = 0;
        var separator = text.AsSpan().IndexOfAny(',', '.');
        var whole = separator < 0 ? text.AsSpan() : text.AsSpan(0, separator);
        var fraction = separator < 0 ? [] : text.AsSpan(separator + 1);
        if (whole.Length is < 1 or > 4 || (separator >= 0 && fraction.Length != 1)) return false;
        foreach (var c in whole) if (!char.IsAsciiDigit(c)) return false;
        foreach (var c in fraction) if (!char.IsAsciiDigit(c)) return false;
        // Parsed as one decimal literal, so the stored double is exactly the one "0.#" formats back to this text.
        hours = double.Parse(string.Concat(whole, ".", fraction.IsEmpty ? "0" : fraction), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return hours is >= Min and <= Max;
    }

    /// <summary>"2,5", "40": what the export writes and the form shows; reads back to the same value.</summary>
    public static string Format(double hours) => hours.ToString("0.#", CultureInfo.GetCultureInfo("nl-BE"));
}
