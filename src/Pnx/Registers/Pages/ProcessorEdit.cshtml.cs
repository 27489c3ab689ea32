using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pnx.Access.Web;
using Pnx.Data;
using Pnx.Municipalities;
using static Pnx.Hosting.UiText;

namespace Pnx.Registers.Pages;

/// <summary>The municipal DPO adds a processor or changes one (GDPR art. 28, protocol art. 6); <c>?id=</c> of another municipality answers 404.</summary>
[Authorize(Policy = WorkspacePolicies.RegisterKeeping)]
public sealed class ProcessorEditModel(PnxDb db, TimeProvider time) : WorkspacePageModel
{
    public sealed class Fields
    {
        public string? Name { get; set; }
        public string? Purpose { get; set; }
        public string? AgreementDate { get; set; }
        public string? Status { get; set; } = ProcessorStatus.Active.Dutch();
    }

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public Fields Form { get; set; } = new();

    public IReadOnlyList<RegisterProblem> Problems { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public string RegisterPath => RegisterPaths.Of(Municipality.NisCode);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null) return Page();
        var municipalityId = Municipality.Id;
        var processor = await db.Processors.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id && p.MunicipalityId == municipalityId, ct);
        if (processor is null) return NotFound();
        Form = new Fields
        {
            Name = processor.Name, Purpose = processor.Purpose,
            AgreementDate = processor.AgreementDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), Status = processor.Status.Dutch(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var workspace = Municipality;
        var outcome = await ProcessorRegister.SaveAsync(db, time, workspace.Id, workspace.NisCode, Id,
            new ProcessorInput(Form.Name, Form.Purpose, Form.AgreementDate, Form.Status), WorkspaceMunicipality.Actor(User), ct);
        if (outcome.NotFound) return NotFound();
        if (!outcome.Succeeded)
        {
            Problems = outcome.Problems;
            return Page();
        }

        Saved = Id is null ? T("De verwerker is toegevoegd.") : T("De verwerker is bewaard.");
        return Redirect(RegisterPath + "#verwerkers");
    }
}
