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

    /// <summary>Every (Dutch, English) pair declared in any part of <see cref="UiTranslations"/>.</summary>
    private static readonly FrozenDictionary<string, string> English_ = typeof(UiTranslations)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof((string Dutch, string English)[]))
        .SelectMany(f => ((string Dutch, string English)[])f.GetValue(null)!)
        .DistinctBy(p => p.Dutch, StringComparer.Ordinal)
        .ToFrozenDictionary(p => p.Dutch, p => p.English, StringComparer.Ordinal);
}

/// <summary>
/// English translations, one partial part per feature folder (e.g. <c>Newcomers/NewcomerTexts.cs</c>
/// declaring <c>public static readonly (string Dutch, string English)[] Newcomers = [...]</c>).
/// </summary>
public static partial class UiTranslations
{
    public static readonly (string Dutch, string English)[] Shell =
    [
        ("Naar de inhoud", "Skip to content"),
        ("Hoofdmenu", "Main menu"),
        ("Mijn werkruimtes", "My workspaces"),
        ("Mijn account", "My account"),
        ("lokale besturen", "local governments"),
        ("Gemeenten", "Municipalities"),
        ("Gemeente", "Municipality"),
        ("NIS-code", "NIS code"),
        ("Protocol", "Protocol"),
        ("Inburgeraars", "Newcomers"),
        ("Aanmelden", "Sign in"),
        ("Afmelden", "Sign out"),
        ("Afgemeld", "Signed out"),
        ("Verder", "Continue"),
        ("E-mailadres", "E-mail address"),
        ("Wachtwoord", "Password"),
        ("Code", "Code"),
        ("Opnieuw aanmelden", "Sign in again"),
        ("U bent afgemeld. Uw sessie is beëindigd.", "You are signed out. Your session has ended."),
        ("Code van uw authenticator-app", "Code from your authenticator app"),
        ("Meld u aan met uw e-mailadres en wachtwoord. Daarna vraagt de toepassing de code van uw authenticator-app.", "Sign in with your e-mail address and password. Next, the application asks for the code from your authenticator app."),
        ("Geef de zescijferige code uit uw authenticator-app. Hebt u uw toestel niet bij de hand, gebruik dan een van uw herstelcodes.", "Enter the six-digit code from your authenticator app. If you do not have your device at hand, use one of your recovery codes."),
        ("U hebt op dit moment geen actieve toegang. Neem contact op met het toegangsbeheer van het Agentschap.", "You currently have no active access. Contact the agency's access administration."),
        ("Agentschap Integratie en Inburgering", "Agency for Integration and Civic Integration"),
        ("Er ging iets mis", "Something went wrong"),
        ("Pagina niet gevonden", "Page not found"),
        ("Te veel aanvragen", "Too many requests"),
        ("Geen toegang", "Access denied"),
        ("Ongeldige aanvraag", "Bad request"),
        ("Naar de startpagina", "To the home page"),
        ("Deze pagina bestaat niet of u hebt er geen toegang toe.", "This page does not exist or you have no access to it."),
        ("Uw account heeft geen toegang tot deze pagina.", "Your account has no access to this page."),
        ("U hebt te veel aanvragen na elkaar gedaan. Wacht even en probeer opnieuw.", "You made too many requests in a row. Wait a moment and try again."),
        ("De aanvraag kon niet verwerkt worden. Laad de pagina opnieuw en probeer nog eens.", "The request could not be processed. Reload the page and try again."),
        ("Er ging iets mis aan onze kant. De fout is gemeld; probeer het later opnieuw.", "Something went wrong on our side. The error has been logged; try again later."),
        ("Gegevensdeling voor het participatie- en netwerktraject", "Data sharing for the participation and network trajectory"),
        ("Gemeenten en protocollen", "Municipalities and protocols"),
        ("actief tot", "active until"),
        ("geen actief protocol", "no active protocol"),
        ("Nog geen gemeenten geregistreerd.", "No municipalities registered yet."),
        ("Het Agentschap Integratie en Inburgering deelt met elk lokaal bestuur, volgens een protocol, een beperkte set gegevens van inburgeraars om hen toe te leiden naar participatieactiviteiten. Buiten een actief protocol worden geen gegevens gedeeld.", "Under a protocol, the Agency for Integration and Civic Integration shares a limited set of newcomers' data with each local government, to steer them to participation activities. Outside an active protocol no data are shared."),
        ("Deze pagina is publiek en toont geen persoonsgegevens en geen aantallen: alleen gemeenten en de status van hun protocol.", "This page is public and shows no personal data and no counts: only municipalities and the status of their protocol."),
        ("Gegevensdeling volgens het protocol met het Agentschap Integratie en Inburgering. Elke raadpleging van persoonsgegevens wordt gelogd.", "Data sharing under the protocol with the Agency for Integration and Civic Integration. Every consultation of personal data is logged."),
        ("Toegangsbeheerder (Agentschap)", "Access administrator (agency)"),
        ("Gegevensbeheerder (Agentschap)", "Data steward (agency)"),
        ("Trajectbegeleider (Agentschap)", "Trajectory counsellor (agency)"),
        ("Functionaris gegevensbescherming (Agentschap)", "Data protection officer (agency)"),
        ("Toeleider", "Case worker"),
        ("Aanbodbeheerder", "Offer manager"),
        ("Functionaris gegevensbescherming", "Data protection officer"),
    ];
}
