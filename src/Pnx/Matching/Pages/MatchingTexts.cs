namespace Pnx.Hosting;

/// <summary>English for matching: the newcomer's suitable activities and an activity's candidates. The reasons stay Dutch (domain words).</summary>
public static partial class UiTranslations
{
    public static readonly (string Dutch, string English)[] Matching =
    [
        ("Alle", "Show all"),
        ("Alleen activiteiten die nu lopen, niet volzet zijn, geen hoger niveau Nederlands vragen en aan elke gevraagde nood voldoen; de best passende eerst. Activiteiten die al voorgesteld of lopend zijn, staan hier niet.", "Only activities that run now, are not full, ask no higher Dutch level and meet every stated need; best fit first. Activities already proposed or under way are not listed."),
        ("Deze activiteit is niet actief of volzet: er worden geen kandidaten voorgesteld.", "This activity is not active or is full: no candidates are suggested."),
        ("Er is op dit moment geen activiteit die aan alle voorwaarden voldoet.", "No activity currently meets every condition."),
        ("Geen inburgeraars gevonden voor wie deze activiteit past.", "No newcomers found for whom this activity fits."),
        ("Inburgeraars van uw gemeente voor wie deze activiteit aan alle voorwaarden voldoet en die ze nog niet lopen of voorgesteld kregen, de best passende eerst. Deze raadpleging wordt gelogd met de getoonde dossiernummers.", "Newcomers of your municipality for whom this activity meets every condition and who have not been proposed it or started it yet, best fit first. This consultation is logged with the dossier numbers shown."),
        ("Kandidaten", "Candidates"),
        ("Kandidaten voor", "Candidates for"),
        ("Passend aanbod", "Suitable activities"),
        ("Score", "Score"),
        ("Voorstellen", "Propose"),
        ("Waarom", "Why"),
        ("de eerste", "the first"),
        ("getoond", "shown"),
        ("passende activiteiten tonen", "suitable activities"),
        ("passende inburgeraars", "suitable newcomers"),
        ("past binnen de voorwaarden, zonder gedeelde interesse", "meets the conditions, no shared interest"),
        ("score", "score"),
    ];
}
