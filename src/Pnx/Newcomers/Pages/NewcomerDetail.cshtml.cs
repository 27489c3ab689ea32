using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Pnx.Access.Web;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;

namespace Pnx.Newcomers.Pages;

/// <summary>
/// One current newcomer of the route's municipality, by internal id. Another municipality's id, or a
/// withdrawn or erased newcomer, answers 404 because the query itself filters on the municipality.
/// </summary>
[Authorize(Policy = WorkspacePolicies.CaseWork)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed class NewcomerDetailModel(PnxDb db, AuditLog audit) : WorkspacePageModel
{
    public Newcomer Newcomer { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken ct)
    {
        var municipality = Municipality;
        var newcomer = await NewcomerListQuery.Current(db, municipality.Id).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (newcomer is null) return NotFound();
        Newcomer = newcomer;
        await audit.RecordAsync(new AuditRecord(
            WorkspaceMunicipality.Actor(User), "newcomer.view", municipality.NisCode, [newcomer.DossierNumber], AuditPurposes.Steering), ct);
        return Page();
    }
}
