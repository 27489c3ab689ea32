using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pnx.Access.Web;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;
using static Pnx.Hosting.UiText;

namespace Pnx.Protocols.Administration;

/// <summary>One protocol's record with the template's fields, and every kept version of it.</summary>
[Authorize(Policy = WorkspacePolicies.AccessAdministration)]
public sealed class ProtocolEditModel(PnxDb db, TimeProvider time) : PageModel
{
    public Protocol Protocol { get; private set; } = null!;

    public ProtocolStatus Status { get; private set; }

    public IReadOnlyList<ProtocolVersion> Versions { get; private set; } = [];

    public string? Error { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public sealed class Fields
    {
        public string? Reference { get; set; }
        public string? Start { get; set; }
        public string? End { get; set; }
        public string? AgencySignatory { get; set; }
        public string? MunicipalitySignatory { get; set; }
        public string? MunicipalDecisionOn { get; set; }
        public string? AgencyDpoAdviceOn { get; set; }
        public string? MunicipalDpoAdviceOn { get; set; }
        public string? PublishedText { get; set; }
        public int UnconfirmedRetentionMonths { get; set; } = 12;
        public int EndedRetentionDays { get; set; } = 30;
    }

    [BindProperty]
    public Fields Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var p = Protocol;
        Form = new Fields
        {
            Reference = p.Reference, Start = Date(p.StartDate), End = Date(p.EndDate), AgencySignatory = p.AgencySignatory,
            MunicipalitySignatory = p.MunicipalitySignatory, MunicipalDecisionOn = Date(p.MunicipalDecisionOn), AgencyDpoAdviceOn = Date(p.AgencyDpoAdviceOn),
            MunicipalDpoAdviceOn = Date(p.MunicipalDpoAdviceOn), PublishedText = p.PublishedText,
            UnconfirmedRetentionMonths = p.UnconfirmedRetentionMonths, EndedRetentionDays = p.EndedRetentionDays,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, CancellationToken ct)
    {
        if (!FormDate.TryParseRequired(Form.Start, out var start) || !FormDate.TryParseRequired(Form.End, out var end)
            || !FormDate.TryParse(Form.MunicipalDecisionOn, out var decision) || !FormDate.TryParse(Form.AgencyDpoAdviceOn, out var agencyDpo)
            || !FormDate.TryParse(Form.MunicipalDpoAdviceOn, out var municipalDpo))
        {
            Error = T("Geef datums als dd/mm/jjjj.");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var outcome = await ProtocolRegistry.UpdateAsync(db, time, id, p =>
        {
            p.Reference = Clean(Form.Reference);
            p.StartDate = start;
            p.EndDate = end;
            p.AgencySignatory = Clean(Form.AgencySignatory);
            p.MunicipalitySignatory = Clean(Form.MunicipalitySignatory);
            p.MunicipalDecisionOn = decision;
            p.AgencyDpoAdviceOn = agencyDpo;
            p.MunicipalDpoAdviceOn = municipalDpo;
            p.PublishedText = Clean(Form.PublishedText);
            p.UnconfirmedRetentionMonths = Form.UnconfirmedRetentionMonths;
            p.EndedRetentionDays = Form.EndedRetentionDays;
        }, WorkspaceMunicipality.Actor(User), ct);
        if (outcome.NotFound) return NotFound();
        if (!outcome.Succeeded)
        {
            Error = ProtocolAdminModel.Localise(outcome.Message);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        Saved = T("Wijzigingen bewaard; de vorige versie blijft bewaard in de geschiedenis.");
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var protocol = await db.Protocols.AsNoTracking().Include(p => p.Municipality).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (protocol is null) return false;
        Protocol = protocol;
        Status = (await ProtocolQueries.WithStatusesAsync(db, BelgianTime.Today(time), ct)).Single(x => x.Protocol.Id == id).Status;
        Versions = await db.Set<ProtocolVersion>().AsNoTracking().Where(v => v.ProtocolId == id).OrderByDescending(v => v.Number).ToListAsync(ct);
        return true;
    }

    private static string? Date(DateOnly? day) => day?.ToString("dd/MM/yyyy", Dutch);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
