using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pnx.Access.Web;
using Pnx.Data;
using Pnx.Imports;
using Pnx.Municipalities;

namespace Pnx.Activities.Pages;

/// <summary>A new activity in the workspace's own catalogue: offer managers only.</summary>
[Authorize(Policy = WorkspacePolicies.CatalogueManagement)]
public sealed class ActivityCreateModel(PnxDb db, TimeProvider time) : WorkspacePageModel
{
    [BindProperty]
    public ActivityForm Form { get; set; } = new() { MinimumDutchLevel = "geen" };

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public IReadOnlyList<(string Nis, string Name)> Partners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Partners = await CatalogueQueries.PartnerChoicesAsync(db, Municipality.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var workspace = Municipality;
        var (values, problems) = Form.Validate();
        if (values is not null)
        {
            var outcome = await CatalogueWrites.CreateAsync(db, time, workspace, values, WorkspaceMunicipality.Actor(User), ct);
            if (outcome.Kind == CatalogueOutcomeKind.Done)
                return Redirect($"/gemeenten/{workspace.NisCode}/aanbod/{outcome.Activity!.Id}?opgeslagen=nieuw");
            problems = outcome.Problems;
        }

        Problems = problems;
        Partners = await CatalogueQueries.PartnerChoicesAsync(db, workspace.Id, ct);
        return Page();
    }
}
