using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pnx.Access.Web;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Municipalities;

namespace Pnx.Retention.Pages;

/// <summary>
/// The deletion register (contract §9) for the agency's data steward and DPO: what it is, how many lines it holds, and
/// the download, which is audited as an export (the file lists dossier numbers).
/// </summary>
[Authorize(Policy = WorkspacePolicies.DeletionRegister)]
public sealed class DeletionRegisterPageModel(PnxDb db, AuditLog audit) : PageModel
{
    public int Lines { get; private set; }

    public DateOnly? Latest { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Lines = await db.DeletionRecords.CountAsync(ct);
        Latest = await db.DeletionRecords.MaxAsync(d => (DateOnly?)d.RemovedOn, ct);
    }

    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken ct)
    {
        var records = await DeletionRegister.LoadAsync(db, ct);
        using var buffer = new MemoryStream();
        DeletionRegister.Write(buffer, records);
        await audit.RecordAsync(DeletionRegister.Audit(WorkspaceMunicipality.Actor(User), records), ct);
        return File(buffer.ToArray(), "text/csv; charset=utf-8", DeletionRegister.FileName);
    }
}
