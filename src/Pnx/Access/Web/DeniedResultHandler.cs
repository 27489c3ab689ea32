using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Pnx.Audit;
using Pnx.Data;

namespace Pnx.Access.Web;

/// <summary>
/// Turns a refusal into the answer the protocol wants: inside a municipality's workspace a refusal
/// answers 404 (never revealing that the municipality or the row exists), elsewhere 403. Every refusal
/// of a signed-in user is audited with its reason.
/// </summary>
public sealed class DeniedResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var nis = WorkspaceResolver.RouteNis(context);
            var inWorkspace = context.GetRouteValue(WorkspaceResolver.RouteMunicipality) is not null;
            var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
            var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
            await context.RequestServices.GetRequiredService<AuditLog>().RecordAsync( new AuditRecord(
                "user:" + userId, "access.denied", nis, [],
                AuditPurposes.Supervision, $"{context.Request.Method} {endpoint}: no active grant for this workspace or role"), context.RequestAborted);
            context.Response.StatusCode = !inWorkspace ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
            return;
        }

        if (authorizeResult.Challenged && IsApi(context))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);
}
