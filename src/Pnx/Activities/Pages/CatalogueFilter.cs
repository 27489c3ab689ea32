using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Pnx.Activities.Pages;

/// <summary>
/// The catalogue list's search and filters, all GET parameters: the catalogue holds no personal data, so a search
/// may sit in a URL. Unknown values fall back to "all" rather than failing.
/// </summary>
public sealed record CatalogueFilter(string? Search, int? Category, string Status, int Page)
{
    public const int PageSize = 50;
    public const int MaxSearchLength = 100;
    public const string All = "alle";
    public const string Active = "actief";
    public const string Inactive = "inactief";

    public bool IsFiltered => Search is not null || Category is not null || Status != All;

    public static CatalogueFilter From(IQueryCollection query)
    {
        var search = query["zoek"].ToString().Trim();
        if (search.Length > MaxSearchLength) search = search[..MaxSearchLength];
        int? category = int.TryParse(query["categorie"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is >= 1 and <= 8 ? c : null;
        var status = query["status"].ToString() is Active or Inactive ? query["status"].ToString() : All;
        var page = int.TryParse(query["pagina"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 10_000 ? p : 1;
        return new CatalogueFilter(search.Length == 0 ? null : search, category, status, page);
    }

    /// <summary>The query string of this filter on another page.</summary>
    public string Query(int page)
    {
        var parts = new List<string>();
        if (Search is not null) parts.Add("zoek=" + Uri.EscapeDataString(Search));
        if (Category is { } c) parts.Add("categorie=" + c.ToString(CultureInfo.InvariantCulture));
        if (Status != All) parts.Add("status=" + Status);
        if (page > 1) parts.Add("pagina=" + page.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
