using Microsoft.AspNetCore.Authorization;

namespace Pnx.Access.Web;

/// <summary>
/// The named policies every page and API route declares. Deny by default: a route without one of these
/// is refused by the fallback policy. Municipal policies take the municipality from the route's {nis}.
/// </summary>
public static class WorkspacePolicies
{
    /// <summary>Personal data of newcomers in one municipality: its case workers.</summary>
    public const string CaseWork = "case-work";

    /// <summary>Aggregates of one municipality (no names): its case workers, offer managers and DPO, and the agency's steward, counsellors and DPO.</summary>
    public const string MunicipalOverview = "municipal-overview";

    /// <summary>
    /// The activity catalogue of one municipality, read-only: its case workers and offer managers. No personal data,
    /// so it stays usable outside an active protocol (the catalogue is the municipality's own).
    /// </summary>
    public const string Catalogue = "catalogue";

    /// <summary>Keeping the activity catalogue (create, edit, deactivate, import): the municipality's offer managers only.</summary>
    public const string CatalogueManagement = "catalogue-management";

    /// <summary>The agency's trajectory counsellors: enrolments, statuses and hours across municipalities, confirming hours.</summary>
    public const string Trajectories = "trajectories";

    /// <summary>The municipality's DPO: its audit trail and compliance registers.</summary>
    public const string MunicipalDpo = "municipal-dpo";

    /// <summary>The agency's data steward: publishing the export, answering data-quality reports.</summary>
    public const string DataSteward = "data-steward";

    /// <summary>The agency's access administrators: accounts, grants, function profiles.</summary>
    public const string AccessAdministration = "access-administration";

    /// <summary>The agency's DPO: the whole audit trail.</summary>
    public const string AgencyDpo = "agency-dpo";

    /// <summary>The deletion register of §9: the agency's data steward and DPO.</summary>
    public const string DeletionRegister = "deletion-register";

    /// <summary>The registers of art. 4 and 6 of one municipality (function profiles and their holders, processors, DPOs), read-only:
    /// its DPO, and the agency's access administrators and DPO. No newcomer data, so no active protocol needed.</summary>
    public const string Registers = "registers";

    /// <summary>Keeping those registers (profiles, processors, the municipality's DPO contact): the municipality's DPO only.</summary>
    public const string RegisterKeeping = "register-keeping";

    /// <summary>Every municipality's registers, from the agency: its access administrators and DPO.</summary>
    public const string RegisterOversight = "register-oversight";

    /// <summary>
    /// Who holds each named policy: the one table the handler enforces, and from which the navigation and the
    /// function-profile register (what a role may do) are derived.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Role>> RolesOf = new Dictionary<string, IReadOnlyList<Role>>(StringComparer.Ordinal)
    {
        [CaseWork] = [Role.MunicipalCaseWorker],
        [MunicipalOverview] = [Role.MunicipalCaseWorker, Role.MunicipalOfferManager, Role.MunicipalDpo,
            Role.AgencyDataSteward, Role.AgencyTrajectoryCounsellor, Role.AgencyDpo],
        [MunicipalDpo] = [Role.MunicipalDpo],
        [Catalogue] = [Role.MunicipalCaseWorker, Role.MunicipalOfferManager],
        [CatalogueManagement] = [Role.MunicipalOfferManager],
        [Registers] = [Role.MunicipalDpo, Role.AgencyAccessAdministrator, Role.AgencyDpo],
        [RegisterKeeping] = [Role.MunicipalDpo],
        [Trajectories] = [Role.AgencyTrajectoryCounsellor],
        [DataSteward] = [Role.AgencyDataSteward],
        [AccessAdministration] = [Role.AgencyAccessAdministrator],
        [AgencyDpo] = [Role.AgencyDpo],
        [RegisterOversight] = [Role.AgencyAccessAdministrator, Role.AgencyDpo],
        [DeletionRegister] = [Role.AgencyDataSteward, Role.AgencyDpo],
    };

    /// <summary>Whether someone with these roles may use the named policy (for links: the handler is what enforces it).</summary>
    public static bool Allows(string policy, IEnumerable<Role> roles) => roles.Any(RolesOf[policy].Contains);

    /// <summary>Any signed-in user with at least one active grant (their own account page, the start page).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Signed in with both factors, grants or not: only the person's own account page (credentials must not depend on a grant).</summary>
    public const string Authenticated = "authenticated";

    public static void Add(AuthorizationOptions options)
    {
        Municipal(options, CaseWork);
        Municipal(options, MunicipalOverview);
        Municipal(options, MunicipalDpo);
        Municipal(options, Catalogue, requiresActiveProtocol: false);
        Municipal(options, CatalogueManagement, requiresActiveProtocol: false);
        Municipal(options, Registers, requiresActiveProtocol: false);
        Municipal(options, RegisterKeeping, requiresActiveProtocol: false);
        Agency(options, Trajectories);
        Agency(options, DataSteward);
        Agency(options, AccessAdministration);
        Agency(options, AgencyDpo);
        Agency(options, RegisterOversight);
        Agency(options, DeletionRegister);
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().AddRequirements(new GrantRequirement(null, [.. Roles.All])));
        options.AddPolicy(Authenticated, p => p.RequireAuthenticatedUser());
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }

    private static void Municipal(AuthorizationOptions options, string name, bool requiresActiveProtocol = true) =>
        options.AddPolicy(name, p => p.RequireAuthenticatedUser()
            .AddRequirements(new GrantRequirement(GrantScope.RouteMunicipality, RolesOf[name], requiresActiveProtocol)));

    private static void Agency(AuthorizationOptions options, string name) =>
        options.AddPolicy(name, p => p.RequireAuthenticatedUser().AddRequirements(new GrantRequirement(GrantScope.Agency, RolesOf[name])));
}

public enum GrantScope
{
    /// <summary>The grant must be for the municipality named by the route's {nis} (agency roles see every municipality with an active protocol).</summary>
    RouteMunicipality,

    /// <summary>An agency role.</summary>
    Agency,
}

/// <summary>The user must hold an active grant for one of <see cref="Roles"/>, in the given scope; workspace routes that
/// show personal data also need the municipality's protocol to be active today (articles 5 and 8).</summary>
public sealed record GrantRequirement(GrantScope? Scope, IReadOnlyList<Role> Roles, bool RequiresActiveProtocol = true) : IAuthorizationRequirement;
