using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Pnx.Access.Web;
using Pnx.Activities.FileFormat;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;

namespace Pnx.Activities.Pages;

/// <summary>
/// POST: the workspace's own activities as an activity file (CSV or .xlsx), the same rows and writers as
/// `pnx activity export`, recorded in the audit trail before a byte is sent.
/// </summary>
[Authorize(Policy = WorkspacePolicies.CatalogueManagement)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed class CatalogueExportModel(PnxDb db, TimeProvider time, AuditLog audit) : WorkspacePageModel
{
    public IActionResult OnGet() => Redirect($"/gemeenten/{Municipality.NisCode}/aanbod");

    public async Task<IActionResult> OnPostAsync(string? format, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return BadRequest();
        var workspace = Municipality;
        var municipality = workspace.AsMunicipality();
        var rows = await ActivityExportRows.LoadAsync(db, municipality, ct);
        var content = new MemoryStream();
        ActivityFileWriter.Write(format, content, rows, ct);
        content.Position = 0;
        await audit.RecordAsync(new AuditRecord(
            WorkspaceMunicipality.Actor(User), "activity.export", workspace.NisCode, [], AuditPurposes.Steering, $"{format}, {rows.Count} activities, web"), ct);
        var name = $"activiteiten-{workspace.NisCode}-{BelgianTime.Today(time):yyyy-MM-dd}.{format}";
        var type = format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        return File(content, type, name);
    }
}
