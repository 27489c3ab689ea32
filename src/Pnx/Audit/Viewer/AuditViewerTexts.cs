namespace Pnx.Hosting;

/// <summary>English for the DPO audit viewers.</summary>
public static partial class UiTranslations
{
    public static readonly (string Dutch, string English)[] AuditViewer =
    [
        ("Audittrail van het Agentschap", "Audit trail of the agency"),
        ("Audittrail van de gemeente", "Audit trail of the municipality"),
        ("Alle handelingen in de toepassing, de nieuwste eerst. Ook deze raadpleging wordt gelogd.", "Every action in the application, newest first. This consultation is logged too."),
        ("De handelingen op gegevens van uw gemeente, de nieuwste eerst. Ook deze raadpleging wordt gelogd.", "Actions on your municipality's data, newest first. This consultation is logged too."),
        ("Filters", "Filters"),
        ("Gebruiker (e-mailadres of actor)", "User (e-mail address or actor)"),
        ("Vanaf (dd/mm/jjjj)", "From (dd/mm/yyyy)"),
        ("Tot en met (dd/mm/jjjj)", "Up to and including (dd/mm/yyyy)"),
        ("Handeling", "Action"),
        ("Alle handelingen", "All actions"),
        ("Dossiernummer", "Dossier number"),
        ("Filteren", "Filter"),
        ("Gefilterde entries exporteren (JSON Lines)", "Export the filtered entries (JSON Lines)"),
        ("Keten controleren", "Verify the chain"),
        ("Keten intact", "Chain intact"),
        ("entries", "entries"),
        ("Keten gebroken bij volgnummer", "Chain broken at sequence number"),
        ("Geen entries voor deze filters.", "No entries for these filters."),
        ("Entries, de nieuwste eerst, pagina", "Entries, newest first, page"),
        ("Tijdstip", "Time"),
        ("Dossiers", "Dossiers"),
        ("Doel en details", "Purpose and details"),
        ("Paginering", "Pagination"),
        ("Nieuwere entries", "Newer entries"),
        ("Oudere entries", "Older entries"),
        ("Pagina", "Page"),
        ("Geef de datums als dd/mm/jjjj, bijvoorbeeld 05/03/2026.", "Enter dates as dd/mm/yyyy, for example 05/03/2026."),
        ("De begindatum ligt na de einddatum.", "The start date is after the end date."),
        ("koppen uit het getuigenbestand nog aanwezig", "heads from the witness file still present"),
        ("Huidige kop van de keten", "Current head of the chain"),
        ("Noteer deze waarde buiten het systeem. Later toont dit commando of de keten nog dezelfde is (en niet door een oudere kopie vervangen werd):", "Write this value down outside the system. Later, this command shows whether the chain is still the same (and was not replaced by an older copy):"),
    ];
}
