namespace Pnx.Access.Web;

/// <summary>Where each role starts its work. Every municipal link carries the NIS code (contract §1).</summary>
public static class WorkspaceLinks
{
    public static string Home(Role role, string? nis) => role switch
    {
        Role.MunicipalCaseWorker => $"/gemeenten/{nis}/inburgeraars",
        Role.MunicipalOfferManager => $"/gemeenten/{nis}",
        Role.MunicipalDpo => $"/gemeenten/{nis}/audit",
        Role.AgencyAccessAdministrator => "/agentschap/toegang",
        Role.AgencyDataSteward => "/agentschap/import",
        Role.AgencyTrajectoryCounsellor => "/agentschap/trajecten",
        Role.AgencyDpo => "/agentschap/audit",
    };
}

/// <summary>Role names as users say them.</summary>
public static class RoleLabels
{
    public static string Dutch(Role role) => Hosting.UiText.T(role switch
    {
        Role.AgencyAccessAdministrator => "Toegangsbeheerder (Agentschap)",
        Role.AgencyDataSteward => "Gegevensbeheerder (Agentschap)",
        Role.AgencyTrajectoryCounsellor => "Trajectbegeleider (Agentschap)",
        Role.AgencyDpo => "Functionaris gegevensbescherming (Agentschap)",
        Role.MunicipalCaseWorker => "Toeleider",
        Role.MunicipalOfferManager => "Aanbodbeheerder",
        Role.MunicipalDpo => "Functionaris gegevensbescherming",
    });
}
