using System.Security.Claims;

namespace Pnx.Municipalities;

/// <summary>
/// The workspace of one request: the municipality named by the route's {nis}, resolved once by
/// <see cref="Access.Web.WorkspaceResolver"/> together with whether its protocol is active today and its
/// <see cref="Retention"/> cutoff of today, which <see cref="Newcomers.CurrentNewcomers"/> applies.
/// Handlers and queries take the municipality from here and filter every query on <see cref="Id"/>;
/// nothing ever binds a municipality from a query string, form, body or header.
/// </summary>
public sealed record WorkspaceMunicipality(int Id, string NisCode, string Name, bool HasActiveProtocol, Retention.RetentionCutoff Retention)
{
    /// <summary>The caller's roles in this workspace (municipal grants for it, and agency roles).</summary>
    public IReadOnlySet<Access.Role> Roles { get; init; } = new HashSet<Access.Role>();

    /// <summary>Whether the caller may see newcomers' personal data here: a case worker, under an active protocol.</summary>
    public bool ShowsPersonalData => HasActiveProtocol && Roles.Contains(Access.Role.MunicipalCaseWorker);

    /// <summary>The workspace resolved for this request. Throws when none was resolved: a workspace handler
    /// reached without the workspace policy is a bug, and failing closed is the safe answer.</summary>
    public static WorkspaceMunicipality Of(HttpContext http) =>
        http.Features.Get<WorkspaceMunicipality>()
        ?? throw new InvalidOperationException("No workspace was resolved for this request; the endpoint lacks a workspace policy.");

    /// <summary>The municipality as the shared loaders and writers take it (not tracked, never saved).</summary>
    public Municipality AsMunicipality() => new() { Id = Id, NisCode = NisCode, Name = Name };

    /// <summary>The audit actor of a signed-in web user, or of an API client ("client:ID").</summary>
    public static string Actor(ClaimsPrincipal user) =>
        user.FindFirstValue(Api.Clients.ApiCaller.ClientIdClaim) is { } client
            ? Api.Clients.ApiClient.ActorOf(client)
            : "user:" + (user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous");
}
