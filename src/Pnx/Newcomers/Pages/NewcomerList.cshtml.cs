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
/// The case worker's list of current newcomers. Filters, sort and page are GET parameters (closed lists), so a list
/// can be bookmarked. A search is POSTed, stored server-side under an opaque key bound to the user (see
/// <see cref="SavedSearches"/>) and redirected to <c>?zoek=KEY</c> (Post/Redirect/Get): Back and reload work and
/// no name reaches a URL. Every view is audited with the dossier numbers it showed, never with the search text.
/// </summary>
[Authorize(Policy = WorkspacePolicies.CaseWork)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed class NewcomerListModel(PnxDb db, AuditLog audit, TimeProvider time) : WorkspacePageModel
{
    public const int MaxSearchLength = SavedSearches.MaxTextLength;

    public NewcomerFilter Filter { get; private set; } = null!;

    public NewcomerListPage Result { get; private set; } = new(0, []);

    public IReadOnlyList<string> Languages { get; private set; } = [];

    /// <summary>The search text behind the URL's key, shown back in the search box (never in a link).</summary>
    public string? Search { get; private set; }

    /// <summary>The URL named a search key that is unknown, expired, or not this user's: nothing is shown for it.</summary>
    public bool SearchGone { get; private set; }

    public string BasePath => ListLinks.Base(Municipality.NisCode);

    /// <summary>This list exactly as shown, for the detail page's "Terug naar de lijst".</summary>
    public string ListUrl => BasePath + Filter.Query();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var municipality = Municipality;
        Filter = NewcomerFilter.From(Request.Query);
        Languages = (await ContactLanguages.OfAsync(db, municipality.Retention, ct))
            .OrderBy(LanguageNames.Dutch, StringComparer.Create(UiText.Dutch, ignoreCase: true)).ToList();
        if (Filter.SearchKey is { } key)
        {
            Search = await SavedSearches.FindAsync(db, time, key, UserId, municipality.Id, ct);
            if (Search is null)
            {
                // Nothing of the search is known here, so nothing is read: no rows, no audit entry.
                SearchGone = true;
                return Page();
            }
        }

        Result = await NewcomerListQuery.RunAsync(db, municipality.Retention, Filter, Search, UserId, ct);
        // The search text itself is personal data: only whether there was one is recorded.
        var detail = $"page {Filter.Page}, {(Result.MoreThanCounted ? $"more than {NewcomerFilter.MaxRows}" : Result.Total)} matching" + (Search is null ? "" : ", name search");
        await audit.RecordAsync(new AuditRecord(
            WorkspaceMunicipality.Actor(User), "newcomer.list", municipality.NisCode,
            Result.Rows.Select(r => r.DossierNumber).ToList(), AuditPurposes.Steering, detail), ct);
        return Page();
    }

    /// <summary>Stores the text and answers 303 to the same list (filters and sort kept, first page) with its key.</summary>
    public async Task<IActionResult> OnPostAsync(string? zoek, CancellationToken ct)
    {
        var filter = NewcomerFilter.From(Request.Query) with { Page = 1 };
        var text = zoek?.Trim();
        if (string.IsNullOrEmpty(text)) return SeeOther(BasePath + filter.Query(dropSearch: true));
        if (text.Length > MaxSearchLength) text = text[..MaxSearchLength];
        var key = await SavedSearches.SaveAsync(db, time, UserId, Municipality.Id, text, ct);
        return SeeOther(BasePath + (filter with { SearchKey = key }).Query());
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private StatusCodeResult SeeOther(string url)
    {
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
