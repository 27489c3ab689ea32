using Pnx.Access;

namespace Pnx.Tests.Web.Authorization;

/// <summary>
/// THE table of who may use which route. Every endpoint the app maps must have a row here, or
/// <see cref="AuthorizationMatrixTests"/> fails naming it: add a row when you add a page.
/// Keys are route patterns without constraints (<c>{id:long}</c> is written <c>{id}</c>); a key ending in
/// <c>/*</c> covers a whole area (everything below it) with one rule.
/// </summary>
public static class ExpectedAccess
{
    private static readonly Role[] MunicipalOverviewRoles =
    [
        Role.MunicipalCaseWorker, Role.MunicipalOfferManager, Role.MunicipalDpo,
        Role.AgencyDataSteward, Role.AgencyTrajectoryCounsellor, Role.AgencyDpo,
    ];

    public static readonly IReadOnlyDictionary<string, Access> Table = new Dictionary<string, Access>(StringComparer.Ordinal)
    {
        // Public pages and endpoints.
        ["/"] = Access.Public,
        ["/aanmelden"] = Access.Public,
        ["/aanmelden/code"] = Access.Public,
        ["/afmelden"] = Access.Public,
        ["/fout/{code}"] = Access.Public,
        ["/health"] = Access.Public,
        ["/taal"] = Access.Public,
        ["/activeren/{token}"] = Access.Public,
        ["/api/{rest}"] = Access.Public,
        ["/protocollen"] = Access.Public,
        ["/protocollen.json"] = Access.Public,
        ["/protocollen/{id}"] = Access.Public,
        ["/api"] = Access.Public,
        ["/openapi/{documentName}.json"] = Access.Public,
        ["/api/v1/token"] = Access.Public,

        // The REST API (contract §8): bearer tokens of API clients only; a person's cookie is no token.
        ["/api/v1/municipalities/{nis}/newcomers"] = Access.ApiAgency,
        ["/api/v1/municipalities/{nis}/withdrawals"] = Access.ApiAgency,
        ["/api/v1/status-changes"] = Access.ApiAgency,
        ["/api/v1/municipalities/{nis}/activities"] = Access.ApiMunicipal,
        ["/api/v1/municipalities/{nis}/matches"] = Access.ApiMunicipal,
        ["/api/v1/municipalities/{nis}/enrolments"] = Access.ApiMunicipal,
        ["/api/v1/municipalities/{nis}/enrolments/{id}"] = Access.ApiMunicipal,
        ["/api/v1/municipalities/{nis}/enrolments/{id}/status"] = Access.ApiMunicipal,

        // Any signed-in user with an active grant.
        ["/start"] = Access.AnySignedIn,
        ["/account"] = Access.AnySignedIn,

        // A municipality's workspace: {nis} is the municipality.
        ["/gemeenten/{nis}"] = Access.Municipal(MunicipalOverviewRoles),
        ["/gemeenten/{nis}/inburgeraars"] = Access.Municipal(Role.MunicipalCaseWorker),
        ["/gemeenten/{nis}/inburgeraars/{id}"] = Access.Municipal(Role.MunicipalCaseWorker),
        ["/gemeenten/{nis}/export"] = Access.Municipal(Role.MunicipalCaseWorker),
        ["/gemeenten/{nis}/aanbod/{id}/kandidaten"] = Access.Municipal(Role.MunicipalCaseWorker),
        ["/gemeenten/{nis}/audit"] = Access.Municipal(Role.MunicipalDpo),
        ["/gemeenten/{nis}/inschrijvingen/{id}/bewijs"] = Access.Municipal(Role.MunicipalCaseWorker),
        ["/gemeenten/{nis}/statussen"] = Access.Municipal(Role.MunicipalCaseWorker),

        // The activity catalogue: no personal data, so no active protocol needed (the matrix's municipalities all have one).
        // Reading: case workers and offer managers; keeping it: offer managers of the owning municipality only.
        ["/gemeenten/{nis}/aanbod"] = Access.Municipal(Role.MunicipalCaseWorker, Role.MunicipalOfferManager),
        ["/gemeenten/{nis}/aanbod/{id}"] = Access.Municipal(Role.MunicipalCaseWorker, Role.MunicipalOfferManager),
        ["/gemeenten/{nis}/aanbod/nieuw"] = Access.Municipal(Role.MunicipalOfferManager),
        ["/gemeenten/{nis}/aanbod/{id}/bewerken"] = Access.Municipal(Role.MunicipalOfferManager),
        ["/gemeenten/{nis}/aanbod/import"] = Access.Municipal(Role.MunicipalOfferManager),
        ["/gemeenten/{nis}/aanbod/export"] = Access.Municipal(Role.MunicipalOfferManager),

        // The registers of art. 4 and 6: no newcomer data, so no active protocol needed. The municipality's DPO keeps them;
        // the agency's access administrators and DPO read every municipality's, and the agency DPO keeps the agency's DPO contact.
        ["/gemeenten/{nis}/registers"] = Access.Municipal(Role.MunicipalDpo, Role.AgencyAccessAdministrator, Role.AgencyDpo),
        ["/gemeenten/{nis}/registers/*"] = Access.Municipal(Role.MunicipalDpo),
        ["/agentschap/registers"] = Access.Agency(Role.AgencyAccessAdministrator, Role.AgencyDpo),
        ["/agentschap/registers/dpo"] = Access.Agency(Role.AgencyDpo),

        // The agency.
        ["/agentschap/import"] = Access.Agency(Role.AgencyDataSteward),
        ["/agentschap/toegang"] = Access.Agency(Role.AgencyAccessAdministrator),
        ["/agentschap/toegang/*"] = Access.Agency(Role.AgencyAccessAdministrator),
        ["/agentschap/audit"] = Access.Agency(Role.AgencyDpo),
        ["/agentschap/verwijderingen"] = Access.Agency(Role.AgencyDataSteward, Role.AgencyDpo),
        ["/agentschap/protocollen"] = Access.Agency(Role.AgencyAccessAdministrator),
        ["/agentschap/protocollen/{id}"] = Access.Agency(Role.AgencyAccessAdministrator),

        // Trajectories: hours, confirmations and the agency-only contract facts (decree art. 33 §2). No municipal role.
        ["/agentschap/trajecten"] = Access.Agency(Role.AgencyTrajectoryCounsellor),
        ["/agentschap/trajecten/{id}"] = Access.Agency(Role.AgencyTrajectoryCounsellor),
        ["/agentschap/inschrijvingen/{id}/bewijs"] = Access.Agency(Role.AgencyTrajectoryCounsellor),
    };

    /// <summary>Sample values for route parameters other than {nis}, {id}, {token} and {code}, which the test fills itself
    /// ({id} is a newcomer, or an enrolment on routes under /inschrijvingen/).</summary>
    public static readonly IReadOnlyDictionary<string, string> SampleRouteValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["page"] = "1",
        ["seq"] = "1",
        ["culture"] = "en",
        ["rest"] = "onbekend",
        ["documentName"] = "v1",
    };

    /// <summary>The row for a normalised route pattern: exact first, then the longest area rule.</summary>
    public static Access? Find(string route) =>
        Table.TryGetValue(route, out var exact)
            ? exact
            : Table.Where(row => row.Key.EndsWith("/*", StringComparison.Ordinal) && route.StartsWith(row.Key[..^1], StringComparison.Ordinal))
                .OrderByDescending(row => row.Key.Length).Select(row => row.Value).FirstOrDefault();
}

public enum AccessScope
{
    /// <summary>No sign-in needed.</summary>
    Public,

    /// <summary>Any signed-in user with an active grant.</summary>
    AnySignedIn,

    /// <summary>The listed roles in the route's municipality {nis}; agency roles in the list reach every municipality with an active protocol.</summary>
    OwnMunicipality,

    /// <summary>The listed agency roles.</summary>
    Agency,

    /// <summary>API clients of the agency (any municipality in the route).</summary>
    ApiAgency,

    /// <summary>API clients of the municipality in the route.</summary>
    ApiMunicipal,
}

public sealed record Access(AccessScope Scope, IReadOnlySet<Role> Roles)
{
    public static readonly Access Public = new(AccessScope.Public, new HashSet<Role>());

    public static readonly Access AnySignedIn = new(AccessScope.AnySignedIn, new HashSet<Role>());

    public static Access Municipal(params Role[] roles) => new(AccessScope.OwnMunicipality, roles.ToHashSet());

    public static Access Agency(params Role[] roles) => new(AccessScope.Agency, roles.ToHashSet());

    public static readonly Access ApiAgency = new(AccessScope.ApiAgency, new HashSet<Role>());

    public static readonly Access ApiMunicipal = new(AccessScope.ApiMunicipal, new HashSet<Role>());

    /// <summary>A bearer route: people (cookies) get 401, clients outside the scope 403 or 404.</summary>
    public bool IsApi => Scope is AccessScope.ApiAgency or AccessScope.ApiMunicipal;

    /// <summary>Whether an API client may use the route; <paramref name="clientNis"/> null is an agency client. Pages never take a token.</summary>
    public bool AllowsClient(string? clientNis, string? routeNis) => Scope switch
    {
        AccessScope.Public => true,
        AccessScope.ApiAgency => clientNis is null,
        AccessScope.ApiMunicipal => clientNis is not null && clientNis == routeNis,
        _ => false,
    };

    /// <summary>Whether a principal may use the route; <paramref name="role"/> null is anonymous, <paramref name="userNis"/> the municipality of a municipal role.</summary>
    public bool Allows(Role? role, string? userNis, string? routeNis) => Scope switch
    {
        AccessScope.Public => true,
        AccessScope.AnySignedIn => role is not null,
        AccessScope.Agency => role is { } r && Roles.Contains(r) && r.IsAgency(),
        AccessScope.OwnMunicipality => role is { } r && Roles.Contains(r) && (r.IsAgency() || (routeNis is not null && routeNis == userNis)),
        _ => false,
    };

    public override string ToString() =>
        Scope is AccessScope.Public or AccessScope.AnySignedIn ? Scope.ToString() : $"{Scope}({string.Join(", ", Roles.Order())})";
}
