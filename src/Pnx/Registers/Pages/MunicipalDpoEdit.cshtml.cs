using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pnx.Access.Web;
using Pnx.Data;
using Pnx.Municipalities;
using static Pnx.Hosting.UiText;

namespace Pnx.Registers.Pages;

/// <summary>The municipal DPO keeps the office contact of the municipality's DPO (protocol art. 6 and 9).</summary>
[Authorize(Policy = WorkspacePolicies.RegisterKeeping)]
public sealed class MunicipalDpoEditModel(PnxDb db, TimeProvider time) : WorkspacePageModel
{
    [BindProperty]
    public DpoFields Form { get; set; } = new();

    public IReadOnlyList<RegisterProblem> Problems { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public string RegisterPath => RegisterPaths.Of(Municipality.NisCode);

    public async Task OnGetAsync(CancellationToken ct) => Form = DpoFields.Of(await DpoContacts.GetAsync(db, Municipality.Id, ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var workspace = Municipality;
        var outcome = await DpoContacts.SaveAsync(db, time, workspace.Id, workspace.NisCode, Form.AsInput(), WorkspaceMunicipality.Actor(User), ct);
        if (!outcome.Succeeded)
        {
            Problems = outcome.Problems;
            return Page();
        }

        Saved = T("Het DPO-contact is bewaard.");
        return Redirect(RegisterPath + "#dpo");
    }
}
