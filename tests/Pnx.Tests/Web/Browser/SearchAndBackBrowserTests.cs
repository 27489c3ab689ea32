using Microsoft.Playwright;
using Pnx.Access;
using Xunit.Abstractions;

namespace Pnx.Tests.Web.Browser;

/// <summary>A case worker searches, opens a person, goes Back and returns by "Terug naar de lijst": always the same list, never a resubmitted form.</summary>
public sealed class SearchAndBackBrowserTests(ITestOutputHelper output)
{
    private const string Nis = "23027";

    [BrowserFact]
    public async Task SearchOpenAPersonGoBackAndReturnToTheSameFilteredListWithoutResubmittingAForm()
    {
        await using var session = await BrowserSession.StartAsync();
        var pages = new MainPages(output);
        var page = await session.NewPageAsync();
        var posts = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST") posts.Add(request.Url);
        };
        await session.SignInAsync(page, Role.MunicipalCaseWorker, Nis);

        await page.GotoAsync($"/gemeenten/{Nis}/inburgeraars?niveau=A2&sorteer=naam");
        posts.Clear();
        await page.GetByLabel("Zoeken op naam of dossiernummer").FillAsync("a");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**zoek=**");
        Assert.Single(posts);
        var listUrl = page.Url;
        Assert.Matches($"/gemeenten/{Nis}/inburgeraars\\?niveau=A2&zoek=[0-9a-f]{{32}}&sorteer=naam$", listUrl);
        Assert.Equal("a", await page.GetByLabel("Zoeken op naam of dossiernummer").InputValueAsync());
        await pages.CheckAsync(page, "list-searched");
        var rows = await RowsAsync(page);
        Assert.NotEmpty(rows);

        // Open a person, then the browser's Back: the list comes back from a GET, with the search still applied.
        posts.Clear();
        await NewcomerList.OpenANewcomerAsync(page, Nis);
        await page.GoBackAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(listUrl) + "$"));
        Assert.Equal(rows, await RowsAsync(page));
        Assert.Equal("a", await page.GetByLabel("Zoeken op naam of dossiernummer").InputValueAsync());
        var reload = await page.ReloadAsync();
        Assert.Equal(200, reload!.Status);
        Assert.Equal(rows, await RowsAsync(page));
        Assert.Empty(posts);

        // "Terug naar de lijst" returns to exactly this list: filters, sort and search.
        await NewcomerList.OpenANewcomerAsync(page, Nis);
        await pages.CheckAsync(page, "detail-from-search");
        await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar de lijst" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(listUrl) + "$"));
        Assert.Equal(rows, await RowsAsync(page));
        Assert.Equal("A2", await page.Locator("#niveau").InputValueAsync());
        Assert.Empty(posts);
        pages.AssertNoSeriousViolations();
    }

    private static async Task<IReadOnlyList<string>> RowsAsync(IPage page) =>
        await page.Locator($"main a[href^='/gemeenten/{Nis}/inburgeraars/']")
            .EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href').split('?')[0])");
}
