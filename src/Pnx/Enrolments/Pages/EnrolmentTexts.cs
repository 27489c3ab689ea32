namespace Pnx.Hosting;

/// <summary>English for enrolments on the newcomer's page.</summary>
public static partial class UiTranslations
{
    public static readonly (string Dutch, string English)[] Enrolments =
    [
        ("De activiteit is voorgesteld.", "The activity has been proposed."),
        ("De inschrijving is bijgewerkt.", "The enrolment has been updated."),
        ("Geschiedenis", "History"),
        ("Geschiedenis van", "History of"),
        ("Inschrijving", "Enrolment"),
        ("Inschrijvingen", "Enrolments"),
        ("Nog geen activiteiten voorgesteld. Kies hieronder een passende activiteit.", "No activities proposed yet. Choose a suitable activity below."),
        ("Opslaan", "Save"),
        ("Reden", "Reason"),
        ("Reden (bij gestopt)", "Reason (when stopped)"),
        ("Sinds", "Since"),
        ("Uren", "Hours"),
        ("Uren (vanaf gestart)", "Hours (from started on)"),
        ("bevestigd door het Agentschap", "confirmed by the agency"),
        ("ongewijzigd", "unchanged"),
        ("per half uur, bv. 2,5", "in half hours, e.g. 2,5"),
    ];
}
