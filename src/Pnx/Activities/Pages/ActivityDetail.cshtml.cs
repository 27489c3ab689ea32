using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Pnx.Access;
using Pnx.Access.Web;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;

namespace Pnx.Activities.Pages;

/// <summary>
/// One activity of the catalogue: its own, or one a partner shares with it (then read-only, showing the owner).
/// Another municipality's activity that is not shared answers 404 because the query itself filters on usability.
/// </summary>
[Authorize(Policy = WorkspacePolicies.Catalogue)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed class ActivityDetailModel(PnxDb db, TimeProvider time) : WorkspacePageModel
{
    public Activity Activity { get; private set; } = null!;

    public int Taken { get; private set; }

    public DateOnly Today { get; private set; }

    public bool Own => Activity.MunicipalityId == Municipality.Id;

    /// <summary>Edit, deactivate and reactivate: offer managers of the owning municipality only.</summary>
    public bool CanManage => Own && Municipality.Roles.Contains(Role.MunicipalOfferManager);

    /// <summary>The best-fitting newcomers are personal data: case workers under an active protocol only.</summary>
    public bool ShowsCandidates => Municipality.ShowsPersonalData;

    /// <summary>Set after a save, from the redirect's query (a closed list, never free text).</summary>
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken ct)
    {
        var activity = await CatalogueQueries.FindAsync(db, Municipality.Id, id, ct);
        if (activity is null) return NotFound();
        Activity = activity;
        Taken = await CatalogueQueries.TakenAsync(db, id, ct);
        Today = BelgianTime.Today(time);
        Saved = Request.Query["opgeslagen"].ToString() switch
        {
            "nieuw" => UiText.T("De activiteit is aangemaakt."),
            "bewerkt" => UiText.T("De wijzigingen zijn opgeslagen."),
            "gedeactiveerd" => UiText.T("De activiteit is gedeactiveerd: ze wordt niet meer voorgesteld, bestaande inschrijvingen blijven."),
            "geactiveerd" => UiText.T("De activiteit is opnieuw actief."),
            _ => null,
        };
        return Page();
    }
}
