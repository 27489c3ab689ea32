using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pnx.Access.Web;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using static Pnx.Hosting.UiText;

namespace Pnx.Municipalities.Dashboard;

/// <summary>
/// The municipality's overview: counts only, no names, so offer managers, DPOs and the agency may see it.
/// Reading aggregates is no read of personal data, yet the view is recorded for steering accountability.
/// </summary>
[Authorize(Policy = WorkspacePolicies.MunicipalOverview)]
public sealed class DashboardModel(PnxDb db, AuditLog audit) : WorkspacePageModel
{
    public DashboardCounts Counts { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var municipality = Municipality;
        Counts = await DashboardCounts.LoadAsync(db, municipality.Retention, T("onbekend"), T("andere"), ct);
        await audit.RecordAsync(new AuditRecord(
            WorkspaceMunicipality.Actor(User), "dashboard.view", municipality.NisCode, [], AuditPurposes.Steering), ct);
        return Page();
    }

    /// <summary>A share as a whole percentage, for the text next to each bar.</summary>
    public string Percent(int count) => Counts.Total == 0 ? "0 %" : string.Create(Dutch, $"{Math.Round(100.0 * count / Counts.Total):0} %");
}
