using System.Collections.Frozen;
using Pnx.Hosting;

namespace Pnx.Audit;

/// <summary>
/// What every action name in the trail means, as a DPO reads it: Dutch first, English second. The trail itself
/// keeps the stable names (contract §6); this is the one table that explains them. <c>AuditActionLabelTests</c>
/// reads the source for every action name a <see cref="AuditRecord"/> is made with and fails on one missing here.
/// </summary>
public static class AuditActionLabels
{
    public static readonly IReadOnlyList<(string Action, string Dutch, string English)> All =
    [
        ("access.denied", "Toegang geweigerd", "Access denied"),
        ("activity.create", "Aanbod aangemaakt", "Activity created"),
        ("activity.deactivate", "Aanbod gedeactiveerd", "Activity deactivated"),
        ("activity.demo-seed", "Demo-aanbod aangemaakt", "Demo activities created"),
        ("activity.export", "Aanbod geëxporteerd", "Activities exported"),
        ("activity.import", "Aanbod geïmporteerd", "Activities imported"),
        ("activity.reactivate", "Aanbod opnieuw geactiveerd", "Activity reactivated"),
        ("activity.update", "Aanbod gewijzigd", "Activity changed"),
        ("api-client.add", "API-client toegevoegd", "API client added"),
        ("api-client.revoke", "API-client ingetrokken", "API client revoked"),
        ("api.activities.read", "Aanbod gelezen via de API", "Activities read through the API"),
        ("api.enrolment.read", "Inschrijving gelezen via de API", "Enrolment read through the API"),
        ("api.matches.read", "Passend aanbod gelezen via de API", "Matches read through the API"),
        ("api.refused", "API-oproep geweigerd", "API call refused"),
        ("api.status-changes.read", "Statuswijzigingen gelezen via de API", "Status changes read through the API"),
        ("api.token", "API-toegangssleutel uitgereikt", "API access token issued"),
        ("api.token.refused", "API-toegangssleutel geweigerd", "API access token refused"),
        ("assignment.clear", "Toewijzing opgeheven", "Assignment cleared"),
        ("assignment.set", "Inburgeraar toegewezen", "Newcomer assigned"),
        ("audit.export", "Audittrail geëxporteerd", "Audit trail exported"),
        ("audit.verify", "Keten van de audittrail gecontroleerd", "Audit chain verified"),
        ("audit.view", "Audittrail geraadpleegd", "Audit trail consulted"),
        ("backup.create", "Reservekopie gemaakt", "Backup created"),
        ("backup.restore", "Reservekopie teruggezet", "Backup restored"),
        ("contact.add", "Contact genoteerd", "Contact recorded"),
        ("dashboard.view", "Overzicht van de gemeente geraadpleegd", "Municipal dashboard consulted"),
        ("demo.seed", "Demogegevens aangemaakt", "Demo data created"),
        ("enrolment.create", "Inschrijving voorgesteld", "Enrolment proposed"),
        ("enrolment.demo-seed", "Demo-inschrijvingen aangemaakt", "Demo enrolments created"),
        ("enrolment.hours-confirm", "Uren bevestigd", "Hours confirmed"),
        ("enrolment.proof", "Deelnamebewijs geraadpleegd", "Proof of participation consulted"),
        ("enrolment.status", "Status van een inschrijving gewijzigd", "Enrolment status changed"),
        ("dpo-contact.update", "DPO-contact gewijzigd", "DPO contact changed"),
        ("export", "Inburgeraars geëxporteerd", "Newcomers exported"),
        ("function-profile.add", "Functieprofiel toegevoegd", "Function profile added"),
        ("function-profile.retire", "Functieprofiel buiten gebruik gesteld", "Function profile retired"),
        ("function-profile.update", "Functieprofiel gewijzigd", "Function profile changed"),
        ("grant.approve", "Toegang goedgekeurd", "Grant approved"),
        ("grant.bootstrap", "Eerste toegangsbeheerder aangesteld", "First access administrator appointed"),
        ("grant.recertify", "Toegang gehercertificeerd", "Grant recertified"),
        ("grant.request", "Toegang aangevraagd", "Grant requested"),
        ("grant.revoke", "Toegang ingetrokken", "Grant revoked"),
        ("import", "Inburgeraars geïmporteerd", "Newcomers imported"),
        ("matching.candidates", "Kandidaten voor aanbod geraadpleegd", "Candidates for an activity consulted"),
        ("municipality.add", "Gemeente toegevoegd", "Municipality added"),
        ("newcomer.list", "Lijst van inburgeraars geraadpleegd", "Newcomer list consulted"),
        ("newcomer.view", "Dossier van een inburgeraar geraadpleegd", "Newcomer record consulted"),
        ("processor.add", "Verwerker toegevoegd", "Processor added"),
        ("processor.update", "Verwerker gewijzigd", "Processor changed"),
        ("protocol.add", "Protocol geregistreerd", "Protocol recorded"),
        ("protocol.notice", "Protocol opgezegd", "Protocol notice given"),
        ("protocol.terminate", "Protocol onmiddellijk beëindigd", "Protocol terminated"),
        ("protocol.update", "Protocol gewijzigd", "Protocol changed"),
        ("register.export", "Register geëxporteerd", "Register exported"),
        ("register.view", "Register geraadpleegd", "Register consulted"),
        ("restore.deletions", "Verwijderingen opnieuw toegepast na terugzetten", "Deletions reapplied after a restore"),
        ("retention.purge", "Gegevens gewist (bewaartermijn)", "Data erased (retention)"),
        ("retention.register", "Verwijderingsregister geraadpleegd of geëxporteerd", "Deletion register consulted or exported"),
        ("sign-in", "Aangemeld", "Signed in"),
        ("sign-in.failed", "Aanmelden mislukt", "Sign-in failed"),
        ("sign-out", "Afgemeld", "Signed out"),
        ("status.import", "Statuslijst geïmporteerd", "Status sheet imported"),
        ("trajectory.awaiting", "Te bevestigen uren geraadpleegd", "Hours to confirm consulted"),
        ("trajectory.facts", "Trajectgegevens vastgelegd", "Trajectory facts recorded"),
        ("trajectory.view", "Traject geraadpleegd", "Trajectory consulted"),
        ("user.activate", "Account geactiveerd", "Account activated"),
        ("user.add", "Account aangemaakt", "Account created"),
        ("user.authenticator-reset", "Authenticator-app opnieuw ingesteld", "Authenticator reset"),
        ("user.demo-credentials", "Demo-aanmeldgegevens vernieuwd", "Demo credentials renewed"),
        ("user.disable", "Account uitgeschakeld", "Account disabled"),
        ("user.password-changed", "Wachtwoord gewijzigd", "Password changed"),
        ("withdrawal", "Inburgeraars ingetrokken", "Newcomers withdrawn"),
    ];

    private static readonly FrozenDictionary<string, (string Dutch, string English)> ByAction =
        All.ToFrozenDictionary(l => l.Action, l => (l.Dutch, l.English), StringComparer.Ordinal);

    public static bool IsKnown(string action) => ByAction.ContainsKey(action);

    /// <summary>The label in the reader's language; an unknown name (an entry older than this table) shows as stored.</summary>
    public static string Label(string action) =>
        ByAction.TryGetValue(action, out var label) ? UiText.IsEnglish ? label.English : label.Dutch : action;
}
