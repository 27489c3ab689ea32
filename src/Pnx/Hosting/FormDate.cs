using System.Globalization;

namespace Pnx.Hosting;

/// <summary>A date as people type it in a Belgian form or a date picker gives it: dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd.</summary>
public static class FormDate
{
    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    /// <returns>False when the text is neither empty nor a date; empty gives null.</returns>
    public static bool TryParse(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        date = parsed;
        return true;
    }

    /// <returns>False unless the text is a date (empty is not).</returns>
    public static bool TryParseRequired(string? text, out DateOnly date)
    {
        date = default;
        if (!TryParse(text, out var parsed) || parsed is not { } day) return false;
        date = day;
        return true;
    }
}
