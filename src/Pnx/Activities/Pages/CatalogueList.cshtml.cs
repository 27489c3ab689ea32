using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Pnx.Access;
using Pnx.Access.Web;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;
using Pnx.Newcomers;

namespace Pnx.Activities.Pages;

/// <summary>
/// The catalogue of the route's municipality: its own activities and those partner municipalities share with it.
/// Case workers and offer managers; no personal data, so no active protocol is needed.
/// </summary>
[Authorize(Policy = WorkspacePolicies.Catalogue)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed class CatalogueListModel(PnxDb db, TimeProvider time) : WorkspacePageModel
{
    public CatalogueFilter Filter { get; private set; } = null!;

    public IReadOnlyList<CatalogueRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public DateOnly Today { get; private set; }

    public int PageCount => Math.Max(1, (Total + CatalogueFilter.PageSize - 1) / CatalogueFilter.PageSize);

    public bool CanManage => Municipality.Roles.Contains(Role.MunicipalOfferManager);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Filter = CatalogueFilter.From(Request.Query);
        Today = BelgianTime.Today(time);
        var search = Filter.Search is null ? null : NewcomerSearch.Normalize(Filter.Search);
        var category = Filter.Category is { } number ? NewcomerLabels.Interests[number - 1].Value : InterestsAndNeeds.None;
        var matching = (await CatalogueQueries.AllAsync(db, Municipality.Id, ct))
            .Where(r => search is null || r.SearchText.Contains(search, StringComparison.Ordinal))
            .Where(r => category == InterestsAndNeeds.None || r.Categories.HasFlag(category))
            .Where(r => Filter.Status switch
            {
                CatalogueFilter.Active => r.IsActiveOn(Today),
                CatalogueFilter.Inactive => !r.IsActiveOn(Today),
                _ => true,
            })
            .OrderBy(r => r.Title, StringComparer.Create(UiText.Dutch, ignoreCase: true)).ThenBy(r => r.Id)
            .ToList();
        Total = matching.Count;
        Rows = matching.Skip((Filter.Page - 1) * CatalogueFilter.PageSize).Take(CatalogueFilter.PageSize).ToList();
        return Page();
    }
}
