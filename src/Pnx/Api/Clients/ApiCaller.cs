using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Data;

namespace Pnx.Api.Clients;

/// <summary>
/// The API client behind this request's bearer token, as the database holds it right now (read once per
/// request, when the token is validated): a revoked client has no caller, so its tokens stop at once.
/// Its scope becomes grants, so <see cref="Access.Web.GrantAuthorizationHandler"/> judges it like a person:
/// a municipal client holds a case worker's grant for its municipality; an agency client holds the agency
/// functions the source system performs (pushing as the data steward, reading the back-flow as the counsellors).
/// </summary>
public sealed record ApiCaller(string ClientId, string? MunicipalityNis, int RateLimitPerMinute)
{
    public const string ClientIdClaim = "client_id";

    private static readonly object Key = new();

    public string Actor => ApiClient.ActorOf(ClientId);

    public IReadOnlyList<ActiveGrant> Grants => MunicipalityNis is null
        ? [new ActiveGrant(Role.AgencyDataSteward, null), new ActiveGrant(Role.AgencyTrajectoryCounsellor, null)]
        : [new ActiveGrant(Role.MunicipalCaseWorker, MunicipalityNis)];

    /// <summary>Whether the principal came from a bearer token (never from a person's cookie).</summary>
    public static bool IsClient(ClaimsPrincipal user) => user.FindFirst(ClientIdClaim) is not null;

    /// <summary>The caller checked on this request, or null (no token, or the client is revoked or gone).</summary>
    public static ApiCaller? Of(HttpContext http) =>
        http.Items.TryGetValue(Key, out var caller) && caller is ApiCaller c
        && http.User.FindFirstValue(ClientIdClaim) == c.ClientId ? c : null;

    /// <summary>Loads the active client named by the token (one query) and keeps it for the request.</summary>
    public static async Task<ApiCaller?> LoadAsync(HttpContext http, PnxDb db, string clientId)
    {
        var caller = await db.ApiClients.AsNoTracking()
            .Where(c => c.Id == clientId && c.RevokedAt == null)
            .Select(c => new ApiCaller(c.Id, c.Municipality != null ? c.Municipality.NisCode : null, c.RateLimitPerMinute))
            .SingleOrDefaultAsync(http.RequestAborted);
        if (caller is not null) http.Items[Key] = caller;
        return caller;
    }
}
