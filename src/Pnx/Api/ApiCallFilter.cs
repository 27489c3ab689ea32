using System.Globalization;
using Pnx.Access.Web;
using Pnx.Audit;
using Pnx.Municipalities;

namespace Pnx.Api;

/// <summary>
/// Around every API endpoint: the client's rate limit first (429 with Retry-After), then the call; a refused
/// call is audited here (a 404 inside a workspace as denied access, like the pages), successful calls are
/// audited by their handlers with the dossier numbers concerned.
/// </summary>
public sealed class ApiCallFilter(ApiRateLimiter limiter, AuditLog audit) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (limiter.TryAcquire(http) is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await RecordRefusalAsync(http, StatusCodes.Status429TooManyRequests);
            return ApiProblems.Problem(StatusCodes.Status429TooManyRequests,
                $"This client is over its rate limit; retry after {retryAfter} seconds.");
        }

        var result = await next(context);
        if (result is IStatusCodeHttpResult { StatusCode: >= 400 and int status })
        {
            if (status == StatusCodes.Status404NotFound && http.Features.Get<WorkspaceMunicipality>() is { } workspace)
                await WorkspaceNotFoundAudit.RecordAsync(http, audit, workspace);
            else
                await RecordRefusalAsync(http, status);
        }

        return result;
    }

    private Task RecordRefusalAsync(HttpContext http, int status)
    {
        var endpoint = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value;
        var nis = http.Features.Get<WorkspaceMunicipality>()?.NisCode ?? WorkspaceResolver.RouteNis(http);
        return audit.RecordAsync(new AuditRecord(WorkspaceMunicipality.Actor(http.User), "api.refused", nis, [], AuditPurposes.Supervision,
            string.Create(CultureInfo.InvariantCulture, $"{http.Request.Method} {endpoint}: {status}")), http.RequestAborted);
    }
}
