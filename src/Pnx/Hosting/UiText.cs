using System.Collections.Frozen;
using System.Globalization;

namespace Pnx.Hosting;

/// <summary>
/// The interface speaks Dutch (nl-BE) first; English is the second language. Texts are written in Dutch
/// in the pages and translated here, so a missing translation shows Dutch rather than a key.
/// </summary>
public static class UiText
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string dutch) => IsEnglish && English_.TryGetValue(dutch, out var english) ? english : dutch;

    private static readonly FrozenDictionary<string, string> English_ = new Dictionary<string, string>
    {
        ["Naar de inhoud"] = "Skip to content",
        ["Gemeenten"] = "Municipalities",
        ["Gemeente"] = "Municipality",
        ["Protocol"] = "Protocol",
        ["actief"] = "active",
        ["niet actief"] = "not active",
        ["Inburgeraars"] = "Newcomers",
        ["Aanmelden"] = "Sign in",
        ["Afmelden"] = "Sign out",
        ["Taal"] = "Language",
        ["Er ging iets mis"] = "Something went wrong",
        ["Pagina niet gevonden"] = "Page not found",
        ["Te veel aanvragen"] = "Too many requests",
        ["Geen toegang"] = "Access denied",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
