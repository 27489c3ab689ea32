using System.Globalization;

namespace Pnx.Enrolments;

/// <summary>Hours as people type them: "2,5" or "2.5"; empty is "not given". Whether the value is allowed is for <see cref="EnrolmentRules"/>.</summary>
public static class HoursText
{
    private const NumberStyles Style = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static bool TryParse(string? text, out double? hours)
    {
        hours = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var normalised = text.Trim();
        // One separator at most: "1.000,5" is ambiguous and refused rather than guessed.
        if (normalised.Count(c => c is ',' or '.') > 1) return false;
        if (!double.TryParse(normalised.Replace(',', '.'), Style, CultureInfo.InvariantCulture, out var value)) return false;
        hours = value;
        return true;
    }
}
