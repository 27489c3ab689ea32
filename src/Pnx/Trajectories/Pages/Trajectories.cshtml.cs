using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Pnx.Access.Web;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;

namespace Pnx.Trajectories.Pages;

/// <summary>
/// The counsellor's start: find a newcomer by dossier number (POSTed, then redirected to a page keyed by an
/// internal id, so no dossier number reaches a URL) and the reported hours that wait for confirmation.
/// </summary>
[Authorize(Policy = WorkspacePolicies.Trajectories)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed class TrajectoriesModel(PnxDb db, TimeProvider time, AuditLog audit) : PageModel
{
    public const int MaxDossierLength = 32;

    [BindProperty]
    public string? Dossiernummer { get; set; }

    public string? Message { get; private set; }

    public IReadOnlyList<TrajectoryQuery.AwaitingRow> Awaiting { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var dossier = Dossiernummer?.Trim() ?? "";
        if (dossier.Length is > 0 and <= MaxDossierLength && await TrajectoryQuery.KeyOfAsync(db, dossier, BelgianTime.Today(time), ct) is { } key)
        {
            return Redirect($"/agentschap/trajecten/{key}");
        }

        Message = dossier.Length == 0 ? UiText.T("Geef een dossiernummer.") : UiText.T("Geen inburgeraar met dit dossiernummer gevonden.");
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Awaiting = await TrajectoryQuery.AwaitingAsync(db, BelgianTime.Today(time), ct);
        await audit.RecordAsync(new AuditRecord(
            WorkspaceMunicipality.Actor(User), "trajectory.awaiting", null, Awaiting.Select(a => a.DossierNumber).Distinct().ToList(),
            AuditPurposes.Steering, $"{Awaiting.Count} enrolments with hours to confirm"), ct);
        return Page();
    }
}
