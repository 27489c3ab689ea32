using Pnx.Hosting;

namespace Pnx.Newcomers.Pages;

/// <summary>How case work reads on the pages: Belgian time, dd/mm/yyyy, hours with a decimal comma.</summary>
public static class CaseDisplay
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static string Moment(DateTime utc) => Local(utc).ToString("dd/MM/yyyy HH:mm", UiText.Dutch);

    public static string Date(DateTime utc) => Local(utc).ToString("dd/MM/yyyy", UiText.Dutch);

    /// <summary>"2,5"; "–" when none were recorded.</summary>
    public static string Hours(double? hours) => hours is { } h ? h.ToString("0.#", UiText.Dutch) : "–";

    private static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Brussels);
}
