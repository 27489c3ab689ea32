using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pnx.Access.Web;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Imports;
using Pnx.Municipalities;

namespace Pnx.Activities.Pages;

/// <summary>
/// Editing, deactivating and reactivating an activity of the workspace's own catalogue: offer managers of the owning
/// municipality only (a partner's shared activity answers 404 here). The form carries the version it was loaded at;
/// a stale save is refused with the current values shown, never a lost update.
/// </summary>
[Authorize(Policy = WorkspacePolicies.CatalogueManagement)]
public sealed class ActivityEditModel(PnxDb db, TimeProvider time) : WorkspacePageModel
{
    [BindProperty]
    public ActivityForm Form { get; set; } = new();

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public IReadOnlyList<(string Nis, string Name)> Partners { get; private set; } = [];

    public int ActivityId { get; private set; }

    public string ActivityTitle { get; private set; } = "";

    /// <summary>Set when the save was refused because someone else changed the activity first.</summary>
    public string? StaleMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, CancellationToken ct)
    {
        var workspace = Municipality;
        var (values, problems) = Form.Validate();
        if (values is not null)
        {
            var outcome = await CatalogueWrites.UpdateAsync(db, time, workspace, id, Form.Version, values, WorkspaceMunicipality.Actor(User), ct);
            switch (outcome.Kind)
            {
                case CatalogueOutcomeKind.Done:
                    return Redirect($"/gemeenten/{workspace.NisCode}/aanbod/{id}?opgeslagen=bewerkt");
                case CatalogueOutcomeKind.NotFound:
                    return NotFound();
                case CatalogueOutcomeKind.Stale:
                    return await StaleAsync(id, ct);
                case CatalogueOutcomeKind.Rejected:
                    problems = outcome.Problems;
                    break;
            }
        }

        var posted = Form;
        if (!await LoadAsync(id, ct)) return NotFound();
        // Show what was typed, against the version it was based on.
        Form = posted;
        Problems = problems;
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync([FromRoute] int id, [FromForm] int version, CancellationToken ct) =>
        SetActiveAsync(id, version, active: false, ct);

    public Task<IActionResult> OnPostReactivateAsync([FromRoute] int id, [FromForm] int version, CancellationToken ct) =>
        SetActiveAsync(id, version, active: true, ct);

    private async Task<IActionResult> SetActiveAsync(int id, int version, bool active, CancellationToken ct)
    {
        var workspace = Municipality;
        var outcome = await CatalogueWrites.SetActiveAsync(db, time, workspace, id, version, active, WorkspaceMunicipality.Actor(User), ct);
        return outcome.Kind switch
        {
            CatalogueOutcomeKind.Done => Redirect($"/gemeenten/{workspace.NisCode}/aanbod/{id}?opgeslagen={(active ? "geactiveerd" : "gedeactiveerd")}"),
            CatalogueOutcomeKind.Stale => await StaleAsync(id, ct),
            _ => NotFound(),
        };
    }

    /// <summary>The current values, with the reason the change was refused.</summary>
    private async Task<IActionResult> StaleAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        StaleMessage = UiText.T("Iemand anders heeft deze activiteit intussen gewijzigd. Uw wijziging werd niet opgeslagen. Hieronder staat de huidige versie: breng uw wijziging opnieuw aan en sla op.");
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var workspace = Municipality;
        var activity = await db.Activities.AsNoTracking().Include(a => a.SharedWith).ThenInclude(s => s.Municipality)
            .SingleOrDefaultAsync(a => a.Id == id && a.MunicipalityId == workspace.Id, ct);
        if (activity is null) return false;
        ActivityId = activity.Id;
        ActivityTitle = activity.Title;
        Form = ActivityForm.Of(ActivityValues.Of(activity, activity.SharedWith.Select(s => s.Municipality!.NisCode)), activity.Version);
        Partners = await CatalogueQueries.PartnerChoicesAsync(db, workspace.Id, ct);
        return true;
    }
}
