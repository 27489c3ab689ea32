using Pnx.Access;
using Pnx.Access.Web;

namespace Pnx.Registers;

/// <summary>
/// What a role may do, in plain Dutch, derived from <see cref="WorkspacePolicies.RolesOf"/> (the table the
/// authorization handler enforces): only the wording lives here, never which role may do what.
/// </summary>
public static class RoleCapabilities
{
    /// <summary>The wording of each policy, in the order the register lists them. Every policy has one (a test holds this).</summary>
    public static readonly IReadOnlyList<(string Policy, string Dutch)> Texts =
    [
        (WorkspacePolicies.CaseWork, "inburgeraars van de gemeente opzoeken, bekijken, exporteren en toeleiden naar aanbod (persoonsgegevens)"),
        (WorkspacePolicies.MunicipalOverview, "het overzicht met aantallen van de gemeente bekijken (zonder namen)"),
        (WorkspacePolicies.Catalogue, "het aanbod van de gemeente raadplegen"),
        (WorkspacePolicies.CatalogueManagement, "het aanbod van de gemeente beheren: aanmaken, wijzigen, importeren en exporteren"),
        (WorkspacePolicies.MunicipalDpo, "de audittrail van de gemeente raadplegen"),
        (WorkspacePolicies.Registers, "de registers van artikel 4 en 6 raadplegen: functieprofielen en wie ze heeft, verwerkers, DPO"),
        (WorkspacePolicies.RegisterKeeping, "die registers bijhouden: functieprofielen, verwerkers en het DPO-contact van de gemeente"),
        (WorkspacePolicies.Trajectories, "trajecten, statussen en uren van alle gemeenten opvolgen en uren bevestigen"),
        (WorkspacePolicies.DataSteward, "de lijst van inburgeraars aanleveren en meldingen over gegevenskwaliteit behandelen"),
        (WorkspacePolicies.AccessAdministration, "accounts, toegangen, functieprofielen en protocollen beheren (geen persoonsgegevens)"),
        (WorkspacePolicies.AgencyDpo, "de volledige audittrail raadplegen en de keten controleren"),
        (WorkspacePolicies.RegisterOversight, "de registers van alle gemeenten raadplegen en exporteren"),
        (WorkspacePolicies.DeletionRegister, "het register van verwijderde dossiers raadplegen en exporteren (dossiernummers, geen namen)"),
    ];

    /// <summary>What <paramref name="role"/> may do, one phrase per policy that admits it.</summary>
    public static IReadOnlyList<string> Of(Role role) =>
        Texts.Where(t => WorkspacePolicies.RolesOf[t.Policy].Contains(role)).Select(t => t.Dutch).ToList();
}
