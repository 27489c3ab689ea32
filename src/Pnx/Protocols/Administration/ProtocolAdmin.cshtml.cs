using System.Globalization;
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

/// <summary>
/// The protocol registry for the agency's access administrators: every protocol with its status, recording a
/// new one, notice (art. 12) and immediate termination (art. 8). Editing the template's fields is on the
/// protocol's own page.
/// </summary>
[Authorize(Policy = WorkspacePolicies.AccessAdministration)]
public sealed class ProtocolAdminModel(PnxDb db, TimeProvider time) : PageModel
{
    public sealed record Row(Protocol Protocol, ProtocolStatus Status);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<(string Nis, string Name)> Municipalities { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = (await ProtocolQueries.WithStatusesAsync(db, BelgianTime.Today(time), ct))
            .OrderBy(x => x.Protocol.Municipality!.NisCode).ThenByDescending(x => x.Protocol.StartDate).Select(x => new Row(x.Protocol, x.Status)).ToList();
        Municipalities = (await db.Municipalities.AsNoTracking().OrderBy(m => m.NisCode).Select(m => new { m.NisCode, m.Name }).ToListAsync(ct))
            .Select(m => (m.NisCode, m.Name)).ToList();
    }

    public async Task<IActionResult> OnPostAddAsync(string? gemeente, string? start, string? end, string? reference, CancellationToken ct)
    {
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.NisCode == gemeente, ct);
        if (municipality is null || !FormDate.TryParseRequired(start, out var from) || !FormDate.TryParseRequired(end, out var to))
        {
            return Done(T("Kies een gemeente en geef begin- en einddatum als dd/mm/jjjj."), error: true);
        }

        var outcome = await ProtocolRegistry.AddAsync(db, time, new Protocol
        {
            MunicipalityId = municipality.Id, StartDate = from, EndDate = to, Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(),
        }, WorkspaceMunicipality.Actor(User), ct);
        return Done(outcome.Succeeded ? T("Protocol geregistreerd.") : Localise(outcome.Message), !outcome.Succeeded);
    }

    public async Task<IActionResult> OnPostNoticeAsync(int id, string? date, CancellationToken ct)
    {
        if (!FormDate.TryParseRequired(date, out var day)) return Done(T("Geef de datum van de opzegging als dd/mm/jjjj."), error: true);
        var outcome = await ProtocolRegistry.GiveNoticeAsync(db, time, id, day, WorkspaceMunicipality.Actor(User), ct);
        return Done(outcome.Succeeded
            ? T("Opzegging geregistreerd: het protocol loopt tot") + " " + outcome.Protocol!.EffectiveEndDate.ToString("dd/MM/yyyy", Dutch) + "."
            : Localise(outcome.Message), !outcome.Succeeded);
    }

    public async Task<IActionResult> OnPostTerminateAsync(int id, string? reason, CancellationToken ct)
    {
        var outcome = await ProtocolRegistry.TerminateAsync(db, time, id, reason ?? "", WorkspaceMunicipality.Actor(User), ct);
        return Done(outcome.Succeeded ? T("Protocol onmiddellijk beëindigd: de gemeente ziet geen persoonsgegevens meer.") : Localise(outcome.Message), !outcome.Succeeded);
    }

    private RedirectToPageResult Done(string message, bool error)
    {
        Message = message;
        MessageIsError = error;
        return RedirectToPage();
    }

    /// <summary>The registry speaks English to the CLI; the page says it in Dutch.</summary>
    public static string Localise(string message) => message switch
    {
        "the end lies before the start" => T("De einddatum ligt voor de begindatum."),
        "the protocol was terminated; notice no longer applies" => T("Dit protocol is beëindigd; opzeggen kan niet meer."),
        "the notice date lies outside the protocol's term" => T("De datum van de opzegging valt buiten de looptijd."),
        "a reason of 1 to 500 characters is required" => T("Geef een reden (hoogstens 500 tekens)."),
        "the protocol was already terminated" => T("Dit protocol is al beëindigd."),
        _ when message.StartsWith("notice was already given", StringComparison.Ordinal) => T("Dit protocol is al opgezegd."),
        _ => message,
    };
}
