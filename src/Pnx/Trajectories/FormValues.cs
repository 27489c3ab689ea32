using System.Globalization;

namespace Pnx.Trajectories;

/// <summary>Form text of the trajectory pages: hours with a decimal comma or point, dates shown and given back.</summary>
public static class FormValues
{
    /// <returns>False when the text is not a number ("2,5", "2.5", "12"); empty is not a number either.</returns>
    public static bool TryHours(string? text, out double hours)
    {
        hours = 0;
        if (!Enrolments.HoursText.TryParse(text, out var parsed) || parsed is not { } value || !double.IsFinite(value)) return false;
        hours = value;
        return true;
    }

    public static string Hours(double? hours) => hours?.ToString("0.#", Hosting.UiText.Dutch) ?? "–";

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Shown(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "–";
}
