namespace Pnx.Hosting;

/// <summary>English for case work on the newcomer pages: assignment, contact log, list filters and columns.</summary>
public static partial class UiTranslations
{
    public static readonly (string Dutch, string English)[] CaseWork =
    [
        ("40 uur bereikt", "40 hours reached"),
        ("Aan mij toewijzen", "Assign to me"),
        ("Contactpoging opslaan", "Save contact attempt"),
        ("Contactpogingen", "Contact attempts"),
        ("Contactpogingen, nieuwste eerst", "Contact attempts, newest first"),
        ("De contactpoging is opgeslagen.", "The contact attempt has been saved."),
        ("De gedeelde gegevens hierboven komen van het Agentschap en kunnen hier niet gewijzigd worden. Klopt er iets niet, meld het dan aan het Agentschap.", "The shared data above come from the agency and cannot be changed here. If something is wrong, report it to the agency."),
        ("De toewijzing is bijgewerkt.", "The assignment has been updated."),
        ("Door", "By"),
        ("Geregistreerde uren; voor het traject tellen alleen de uren die het Agentschap bevestigt.", "Hours recorded; for the trajectory only hours confirmed by the agency count."),
        ("Heeft een inschrijving met status", "Has an enrolment with status"),
        ("Hoogstens 500 tekens. Schrijf geen gevoelige gegevens: niets over gezondheid, godsdienst of levensbeschouwing, afkomst, politieke voorkeur, seksuele geaardheid of strafrechtelijke zaken. Alleen wat nodig is om de toeleiding op te volgen.", "At most 500 characters. Do not write sensitive data: nothing about health, religion or beliefs, ethnic origin, political opinions, sexual orientation or criminal matters. Only what is needed to follow up the referral."),
        ("Korte notitie (niet verplicht)", "Short note (optional)"),
        ("Laatste contact", "Last contact"),
        ("Laatste contact (oudste eerst)", "Last contact (oldest first)"),
        ("Niet opgeslagen:", "Not saved:"),
        ("Nog aan niemand toegewezen.", "Not assigned to anyone yet."),
        ("Nog geen contactpogingen.", "No contact attempts yet."),
        ("Notitie", "Note"),
        ("Opvolging", "Follow-up"),
        ("Toegewezen aan", "Assigned to"),
        ("Toeleider", "Case worker"),
        ("Toewijzen", "Assign"),
        ("Toewijzen aan een collega", "Assign to a colleague"),
        ("Toewijzing opheffen", "Unassign"),
        ("Uitkomst", "Outcome"),
        ("Uren (meeste eerst)", "Hours (most first)"),
        ("Wanneer", "When"),
        ("aan mij toegewezen", "assigned to me"),
        ("nog niet gecontacteerd", "not contacted yet"),
        ("nooit", "never"),
        ("sinds", "since"),
        ("– kies –", "– choose –"),
    ];
}
