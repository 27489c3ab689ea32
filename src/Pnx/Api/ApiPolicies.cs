using Microsoft.AspNetCore.Authorization;
using Pnx.Access;
using Pnx.Access.Web;
using Pnx.Api.Tokens;

namespace Pnx.Api;

/// <summary>
/// The API's policies: bearer tokens only (a cookie never opens the API), judged by the same
/// <see cref="GrantRequirement"/> and handler as the pages, with the municipality from the route's {nis}.
/// </summary>
public static class ApiPolicies
{
    /// <summary>Agency clients pushing to one municipality. No active-protocol gate here: the push itself refuses with 409.</summary>
    public const string AgencyNewcomers = "api-agency-newcomers";

    /// <summary>Agency clients reading the back-flow across municipalities.</summary>
    public const string AgencyFeed = "api-agency-feed";

    /// <summary>A municipality's own client, on its own NIS code, under an active protocol.</summary>
    public const string Municipal = "api-municipal";

    public static void Add(AuthorizationOptions options)
    {
        Add(options, AgencyNewcomers, new GrantRequirement(Pnx.Access.Web.GrantScope.RouteMunicipality, [Role.AgencyDataSteward], RequiresActiveProtocol: false));
        Add(options, AgencyFeed, new GrantRequirement(Pnx.Access.Web.GrantScope.Agency, [Role.AgencyTrajectoryCounsellor]));
        Add(options, Municipal, new GrantRequirement(Pnx.Access.Web.GrantScope.RouteMunicipality, [Role.MunicipalCaseWorker]));
    }

    private static void Add(AuthorizationOptions options, string name, GrantRequirement requirement) =>
        options.AddPolicy(name, p => p.AddAuthenticationSchemes(BearerAuthentication.Scheme).RequireAuthenticatedUser().AddRequirements(requirement));
}
