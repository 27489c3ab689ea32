using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Pnx.Audit;
using Pnx.Municipalities;

namespace Pnx.Access.Web;

/// <summary>
/// A 404 inside a workspace the caller may enter means they asked for a row that is not theirs (another
/// municipality's id, a withdrawn newcomer): recorded as denied access like a refusal at the door, for every
/// page and API route alike, so no probe goes unseen.
/// </summary>
public sealed class WorkspaceNotFoundAudit(AuditLog audit) : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is NotFoundResult or NotFoundObjectResult
            && context.HttpContext.Features.Get<WorkspaceMunicipality>() is { } workspace)
        {
            await RecordAsync(context.HttpContext, audit, workspace);
        }

        await next();
    }

    public static Task RecordAsync(HttpContext http, AuditLog audit, WorkspaceMunicipality workspace)
    {
        var endpoint = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "?";
        var ids = string.Join(", ", http.Request.RouteValues
            .Where(v => v.Key is not ("nis" or "page" or "handler" or "area" or "action" or "controller") && v.Value is not null)
            .Select(v => $"{v.Key}={v.Value}"));
        return audit.RecordAsync(new AuditRecord(
            WorkspaceMunicipality.Actor(http.User), "access.denied", workspace.NisCode, [], AuditPurposes.Supervision,
            $"{http.Request.Method} {endpoint}: no such row in this workspace ({ids})"), http.RequestAborted);
    }
}
