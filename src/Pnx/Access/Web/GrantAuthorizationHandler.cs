using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Pnx.Api.Clients;
using Pnx.Data;

namespace Pnx.Access.Web;

/// <summary>
/// The one place where tenancy and roles are checked; for workspace routes it also fixes the request's
/// workspace (<see cref="WorkspaceResolver"/>), so handlers never look a municipality up themselves. Grants are read from the database on every
/// request (once per request), so revocation, expiry and disabling take effect immediately; outside an
/// active protocol nobody reaches a municipality's workspace (articles 5 and 8). API clients are judged here too:
/// their scope becomes grants (<see cref="ApiCaller.Grants"/>), so one rule table serves pages and API alike.
/// </summary>
public sealed class GrantAuthorizationHandler(PnxDb db, TimeProvider time, IHttpContextAccessor accessor)
    : AuthorizationHandler<GrantRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, GrantRequirement requirement)
    {
        var http = accessor.HttpContext;
        if (http is null) return;
        IReadOnlyList<ActiveGrant> grants;
        if (ApiCaller.IsClient(context.User))
        {
            // An API client (bearer token): its scope, re-read from the database on this request, is its grants.
            if (ApiCaller.Of(http) is not { } caller) return;
            grants = caller.Grants;
        }
        else
        {
            var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            if (userId is null) return;
            grants = await CurrentGrants.GetAsync(http, db, userId, time);
        }

        var matching = grants.Where(g => requirement.Roles.Contains(g.Role)).ToList();
        if (matching.Count == 0) return;

        switch (requirement.Scope)
        {
            case null:
                context.Succeed(requirement);
                return;
            case GrantScope.Agency:
                if (matching.Any(g => g.MunicipalityNis is null)) context.Succeed(requirement);
                return;
            case GrantScope.RouteMunicipality:
                if (WorkspaceResolver.RouteNis(http) is not { } nis) return;
                if (!matching.Any(g => g.MunicipalityNis == nis || (g.MunicipalityNis is null && g.Role.IsAgency()))) return;
                if (await WorkspaceResolver.ResolveAsync(http, db, time) is not { } workspace) return;
                if (requirement.RequiresActiveProtocol && !workspace.HasActiveProtocol) return;
                WorkspaceResolver.Grant(http, workspace, grants);
                context.Succeed(requirement);
                return;
        }
    }
}

/// <summary>The signed-in user's active grants, read once per request (usually with the session: <see cref="RequestAccess"/>).</summary>
public static class CurrentGrants
{
    private static readonly object Key = new();

    private sealed record Cached(string UserId, IReadOnlyList<ActiveGrant> Grants);

    public static async Task<IReadOnlyList<ActiveGrant>> GetAsync(HttpContext http, PnxDb db, string userId, TimeProvider time)
    {
        if (http.Items.TryGetValue(Key, out var cached) && cached is Cached c && c.UserId == userId) return c.Grants;
        var grants = await AccessQueries.ActiveGrantsAsync(db, userId, time.GetUtcNow(), http.RequestAborted);
        Prime(http, userId, grants);
        return grants;
    }

    /// <summary>Grants read by this request's session query, valid for this request only.</summary>
    public static void Prime(HttpContext http, string userId, IReadOnlyList<ActiveGrant> grants) => http.Items[Key] = new Cached(userId, grants);
}
