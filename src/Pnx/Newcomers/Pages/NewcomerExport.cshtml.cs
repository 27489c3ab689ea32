using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Pnx.Access.Web;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Enrolments.StatusSheet;
using Pnx.Exports;
using Pnx.Hosting;
using Pnx.Municipalities;

namespace Pnx.Newcomers.Pages;

/// <summary>
/// POST: the municipality's current newcomers as CSV or .xlsx, the same rows and writers as `pnx export`.
/// The file is built first and recorded before a byte is sent, so no export leaves unaudited.
/// </summary>
[Authorize(Policy = WorkspacePolicies.CaseWork)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed class NewcomerExportModel(PnxDb db, TimeProvider time, AuditLog audit) : WorkspacePageModel
{
    public IActionResult OnGet() => Redirect($"/gemeenten/{Municipality.NisCode}/inburgeraars");

    public async Task<IActionResult> OnPostAsync(string? format, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return BadRequest();
        var workspace = Municipality;
        var rows = await NewcomerExportRows.LoadAsync(db, workspace, ct);

        var path = Path.Combine(Path.GetTempPath(), "pnx-export-" + Guid.NewGuid().ToString("N"));
        try
        {
            if (format == "xlsx")
            {
                XlsxNewcomerWriter.Write(path, rows, await StatusSheetRows.LoadAsync(db, workspace.Retention, ct), ct);
            }
            else
            {
                await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                CsvNewcomerWriter.Write(file, rows, ct);
            }

            await audit.RecordAsync(new AuditRecord(
                WorkspaceMunicipality.Actor(User), "export", workspace.NisCode, rows.Select(r => r.DossierNumber).ToList(),
                AuditPurposes.Steering, $"{format}, {rows.Count} newcomers, web"), ct);
            // Deleted when the response stream is closed, so the copy on disk lives only while it is sent.
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
            var name = $"inburgeraars-{workspace.NisCode}-{BelgianTime.Today(time):yyyy-MM-dd}.{format}";
            var type = format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
            return File(stream, type, name);
        }
        catch
        {
            System.IO.File.Delete(path);
            throw;
        }
    }
}
