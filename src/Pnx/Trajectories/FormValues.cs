using System.Globalization;

namespace Pnx.Trajectories;

/// <summary>Form text as people type it in Belgium: dates from a date picker or dd/mm/yyyy, hours with a decimal comma or point.</summary>
public static class FormValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];

    /// <returns>False when the text is neither empty nor a date; empty gives null.</returns>
    public static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        date = parsed;
        return true;
    }

    /// <returns>False when the text is not a number ("2,5", "2.5", "12"); empty is not a number either.</returns>
    public static bool TryHours(string? text, out double hours) =>
        double.TryParse((text ?? "").Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out hours)
        && double.IsFinite(hours);

    public static string Hours(double? hours) => hours?.ToString("0.#", Hosting.UiText.Dutch) ?? "–";

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Shown(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "–";
}
