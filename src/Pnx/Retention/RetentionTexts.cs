namespace Pnx.Hosting;

/// <summary>English for the deletion register page and the retention line of a newcomer's page.</summary>
public static partial class UiTranslations
{
    public static readonly (string Dutch, string English)[] Retention =
    [
        ("Verwijderingsregister", "Deletion register"),
        ("Van wie de persoonsgegevens verwijderd zijn, in welke gemeente, op welke dag en volgens welke regel. Het register bevat geen andere persoonsgegevens.",
            "Whose personal data were removed, in which municipality, on which day and by which rule. The register holds no other personal data."),
        ("Na het terugzetten van een back-up verwijdert de toepassing met dit register opnieuw wie al verwijderd was, zodat niemand terugkomt.",
            "After a backup is restored, the application uses this register to remove again whoever had been removed, so that nobody comes back."),
        ("Regels in het register", "Lines in the register"),
        ("Laatste verwijdering", "Latest removal"),
        ("nog geen", "none yet"),
        ("Regels", "Rules"),
        ("6 maanden na de datum van het inburgeringsattest", "6 months after the date of the civic integration certificate"),
        ("het Agentschap heeft de inburgeraar ingetrokken", "the agency withdrew the newcomer"),
        ("niet bevestigd door een import of API-levering binnen de termijn van het protocol (standaard 12 maanden)",
            "not confirmed by an import or API push within the protocol's term (12 months by default)"),
        ("de termijn na het einde van het protocol zonder opvolger (standaard 30 dagen)",
            "the term after the protocol ended without a successor (30 days by default)"),
        ("Register downloaden (CSV)", "Download the register (CSV)"),
        ("Het downloaden wordt in de audittrail opgenomen.", "The download is recorded in the audit trail."),
        ("Gegevens verwijderd vanaf", "Data removed from"),
        ("6 maanden na het attest", "6 months after the certificate"),
        ("intrekking", "withdrawal"),
        ("niet meer bevestigd door het Agentschap", "no longer confirmed by the agency"),
        ("einde van het protocol", "end of the protocol"),
    ];
}
