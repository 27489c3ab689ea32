using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pnx.Access.Web;
using Pnx.Data;
using Pnx.Municipalities;
using static Pnx.Hosting.UiText;

namespace Pnx.Registers.Pages;

/// <summary>The agency DPO keeps the agency DPO's office contact, which every municipality's register shows.</summary>
[Authorize(Policy = WorkspacePolicies.AgencyDpo)]
public sealed class AgencyDpoEditModel(PnxDb db, TimeProvider time) : PageModel
{
    [BindProperty]
    public DpoFields Form { get; set; } = new();

    public IReadOnlyList<RegisterProblem> Problems { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Form = DpoFields.Of(await DpoContacts.GetAsync(db, null, ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await DpoContacts.SaveAsync(db, time, null, null, Form.AsInput(), WorkspaceMunicipality.Actor(User), ct);
        if (!outcome.Succeeded)
        {
            Problems = outcome.Problems;
            return Page();
        }

        Saved = T("Het DPO-contact is bewaard.");
        return Redirect(RegisterPaths.Agency + "#dpo");
    }
}
