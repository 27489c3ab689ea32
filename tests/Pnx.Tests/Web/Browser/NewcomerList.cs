using Microsoft.Playwright;

namespace Pnx.Tests.Web.Browser;

/// <summary>
/// Steps on the newcomer list written against its contract (a GET filter form with closed-list selects,
/// links to /gemeenten/{nis}/inburgeraars/{id}) rather than its exact markup, which another branch owns.
/// </summary>
public static class NewcomerList
{
    /// <summary>Chooses the first real option of the first select in the list's GET filter form and submits it.</summary>
    public static async Task FilterAsync(IPage page)
    {
        var forms = page.Locator("main form");
        ILocator? filter = null;
        for (var i = 0; i < await forms.CountAsync() && filter is null; i++)
        {
            var form = forms.Nth(i);
            var method = await form.GetAttributeAsync("method") ?? "get";
            if (method.Equals("get", StringComparison.OrdinalIgnoreCase) && await form.Locator("select").CountAsync() > 0) filter = form;
        }

        Assert.True(filter is not null, "the newcomer list has no GET filter form with a select (filters on closed lists are GET query parameters)");
        var select = filter.Locator("select").First;
        var values = await select.Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        var value = values.FirstOrDefault(v => v.Length > 0);
        Assert.True(value is not null, "the filter's first select offers no option");
        await select.SelectOptionAsync(value);
        await filter.Locator("button[type=submit], input[type=submit], button:not([type])").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("?", page.Url, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(value), page.Url, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Follows the first link to a newcomer's detail page; falls back to the unfiltered list if the filter left no rows.</summary>
    public static async Task OpenANewcomerAsync(IPage page, string nis)
    {
        var links = page.Locator($"main a[href^='/gemeenten/{nis}/inburgeraars/']");
        if (await links.CountAsync() == 0)
        {
            await page.GotoAsync($"/gemeenten/{nis}/inburgeraars");
            links = page.Locator($"main a[href^='/gemeenten/{nis}/inburgeraars/']");
        }

        Assert.True(await links.CountAsync() > 0, "the newcomer list links to no detail page");
        var path = (await links.First.GetAttributeAsync("href"))!.Split('?')[0];
        var response = await page.RunAndWaitForResponseAsync(() => links.First.ClickAsync(), r => new Uri(r.Url).AbsolutePath == path);
        Assert.Equal(200, response.Status);
        await page.WaitForURLAsync("**" + path + "**");
    }
}
