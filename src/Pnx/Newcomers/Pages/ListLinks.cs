using Microsoft.AspNetCore.WebUtilities;

namespace Pnx.Newcomers.Pages;

/// <summary>
/// Links between the list and a person that keep the list's state: the detail link carries the list URL in
/// <c>terug</c>, and the detail page reads it back only as a list of its own workspace, rebuilt from the closed
/// lists of <see cref="NewcomerFilter"/> (so it can never point elsewhere: no open redirect, no foreign values).
/// </summary>
public static class ListLinks
{
    public const string ReturnParameter = "terug";

    public static string Base(string nis) => $"/gemeenten/{nis}/inburgeraars";

    /// <summary>A person's link with the list's state in <paramref name="returnQuery"/> (from <see cref="ReturnQuery"/>, once per page).</summary>
    public static string Detail(string nis, long id, ListReturn returnQuery) => $"/gemeenten/{nis}/inburgeraars/{id}{returnQuery.Query}";

    /// <summary>The part every person's link on a list page shares ("?terug=…", or nothing for the plain list).</summary>
    public static ListReturn ReturnQuery(string nis, string listUrl) =>
        new(listUrl == Base(nis) ? "" : $"?{ReturnParameter}={Uri.EscapeDataString(listUrl)}");

    /// <summary>The list URL <paramref name="terug"/> names, canonical, or the plain list when it names anything else.</summary>
    public static string ListFrom(string nis, string? terug)
    {
        var list = Base(nis);
        if (string.IsNullOrEmpty(terug) || !terug.StartsWith(list, StringComparison.Ordinal)) return list;
        var rest = terug[list.Length..];
        if (rest.Length == 0 || rest[0] != '?') return list;
        var query = new QueryCollection(QueryHelpers.ParseQuery(rest));
        return list + NewcomerFilter.From(query).Query();
    }
}

/// <summary>The escaped list state a page's person links share; see <see cref="ListLinks.ReturnQuery"/>.</summary>
public readonly record struct ListReturn(string Query);
