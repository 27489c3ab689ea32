using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Pnx.Access.Web;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;

namespace Pnx.Newcomers.Pages;

/// <summary>
/// The case worker's list of current newcomers. Filters, sort and page are GET parameters (closed lists);
/// a name search is POSTed and its results rendered directly, so a name never reaches a URL.
/// Every view is audited with the dossier numbers it showed.
/// </summary>
[Authorize(Policy = WorkspacePolicies.CaseWork)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed class NewcomerListModel(PnxDb db, AuditLog audit) : WorkspacePageModel
{
    public const int MaxSearchLength = 100;

    public NewcomerFilter Filter { get; private set; } = null!;

    public NewcomerListPage Result { get; private set; } = new(0, []);

    public IReadOnlyList<string> Languages { get; private set; } = [];

    [BindProperty]
    public string? Zoek { get; set; }

    public string? Search => string.IsNullOrWhiteSpace(Zoek) ? null : Zoek.Trim();

    public int PageCount => Math.Max(1, (Result.Total + NewcomerFilter.PageSize - 1) / NewcomerFilter.PageSize);

    public Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Zoek = null;
        return ShowAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Zoek is { Length: > MaxSearchLength }) Zoek = Zoek[..MaxSearchLength];
        return ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var municipality = Municipality;
        Filter = NewcomerFilter.From(Request.Query);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        Result = await NewcomerListQuery.RunAsync(db, municipality.Id, Filter, Search, userId, ct);
        Languages = (await ContactLanguages.OfAsync(db, municipality.Id, ct))
            .OrderBy(LanguageNames.Dutch, StringComparer.Create(UiText.Dutch, ignoreCase: true)).ToList();
        // The search text itself is personal data: only whether there was one is recorded.
        var detail = $"page {Filter.Page}, {Result.Total} matching" + (Search is null ? "" : ", name search");
        await audit.RecordAsync(new AuditRecord(
            WorkspaceMunicipality.Actor(User), "newcomer.list", municipality.NisCode,
            Result.Rows.Select(r => r.DossierNumber).ToList(), AuditPurposes.Steering, detail), ct);
        return Page();
    }
}
