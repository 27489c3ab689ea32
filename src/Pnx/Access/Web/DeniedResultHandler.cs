using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Pnx.Api;
using Pnx.Audit;
using Pnx.Municipalities;
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
            var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
            await context.RequestServices.GetRequiredService<AuditLog>().RecordAsync( new AuditRecord(
                WorkspaceMunicipality.Actor(context.User), "access.denied", nis, [],
                AuditPurposes.Supervision, $"{context.Request.Method} {endpoint}: no active grant for this workspace or role"), context.RequestAborted);
            var status = !inWorkspace ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
            if (IsApi(context))
            {
                await ApiProblems.WriteAsync(context, status, status == StatusCodes.Status404NotFound
                    ? "No such resource for this client."
                    : "This route is outside the client's scope.");
                return;
            }

            context.Response.StatusCode = status;
            return;
        }

        if (authorizeResult.Challenged && IsApi(context))
        {
            // RFC 6750 §3: a missing token gets the bare challenge, a bad one says so.
            context.Response.Headers.WWWAuthenticate = context.Request.Headers.Authorization.Count == 0
                ? "Bearer realm=\"pnx\""
                : "Bearer realm=\"pnx\", error=\"invalid_token\"";
            await ApiProblems.WriteAsync(context, StatusCodes.Status401Unauthorized,
                "A valid bearer token is required: POST /api/v1/token with the client credentials, then send Authorization: Bearer TOKEN.");
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);
}
