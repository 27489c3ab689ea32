using Microsoft.Playwright;
using Pnx.Access;
using Pnx.Newcomers.Pages;
using Pnx.Tests.Web.Newcomers;
using Xunit.Abstractions;

namespace Pnx.Tests.Web.Browser;

/// <summary>
/// A municipality with more newcomers than the list pages: the case worker reads "Meer dan 10.000", is told how to get
/// further, reaches the last page by "Laatste" and comes back by Back; on a phone the filters are folded away so the list
/// comes first, and the page fits the screen.
/// </summary>
public sealed class LargeListBrowserTests(ITestOutputHelper output)
{
    private const string Nis = "23027";

    [BrowserFact]
    public async Task MoreNewcomersThanTheListPagesAreSaidOnDesktopAndPhoneAndTheLastPageIsReachable()
    {
        await using var session = await BrowserSession.StartAsync();
        await LargeMunicipality.AddAsync(session.Web, Nis);
        var pages = new MainPages(output);

        var page = await session.NewPageAsync();
        await session.SignInAsync(page, Role.MunicipalCaseWorker, Nis);
        await page.GotoAsync($"/gemeenten/{Nis}/inburgeraars");
        var count = await page.Locator("p.result-count").InnerTextAsync();
        Assert.Contains("Meer dan 10.000 inburgeraars", count, StringComparison.Ordinal);
        Assert.Contains($"pagina 1 van {NewcomerFilter.MaxPage}", count, StringComparison.Ordinal);
        Assert.Contains("Zoek op naam of dossiernummer, of gebruik een filter", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await pages.CheckAsync(page, "list-more-than-counted");

        var first = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "Laatste" }).ClickAsync();
        await page.WaitForURLAsync($"**pagina={NewcomerFilter.MaxPage}");
        Assert.Contains($"pagina {NewcomerFilter.MaxPage} van {NewcomerFilter.MaxPage}", await page.Locator("p.result-count").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Volgende" }).CountAsync());
        await page.GoBackAsync();
        await page.WaitForURLAsync(first);
        Assert.Contains("Meer dan 10.000 inburgeraars", await page.Locator("p.result-count").InnerTextAsync(), StringComparison.Ordinal);

        // On a phone the filters are folded away: the search box, the count and the list come first.
        var phone = await session.NewPageAsync(390);
        await session.SignInAsync(phone, Role.MunicipalCaseWorker, Nis);
        await phone.GotoAsync($"/gemeenten/{Nis}/inburgeraars");
        Assert.Contains("Meer dan 10.000 inburgeraars", await phone.Locator("p.result-count").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        await pages.CheckAsync(phone, "390-list-more-than-counted");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder(), "390-list-first-screen.png") });
        var filters = phone.Locator("form.filters[method=get]");
        Assert.False(await filters.IsVisibleAsync());
        var table = await phone.Locator("table").First.BoundingBoxAsync();
        Assert.NotNull(table);
        Assert.True(table.Y < 844, $"the list starts {table.Y} px down on a phone, below the first screen");

        // Unfolded, a filter narrows the list below the limit: an exact count again, the filter shown as active.
        await phone.GetByText("Filters en sortering", new() { Exact = true }).First.ClickAsync();
        Assert.True(await filters.IsVisibleAsync());
        await phone.GetByLabel("Niveau Nederlands").SelectOptionAsync("A2");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Toepassen" }).ClickAsync();
        await phone.WaitForURLAsync("**niveau=A2**");
        var narrowed = await phone.Locator("p.result-count").InnerTextAsync();
        Assert.DoesNotContain("Meer dan", narrowed, StringComparison.Ordinal);
        Assert.Matches("^[0-9.]+ inburgeraars?", narrowed);
        Assert.False(await filters.IsVisibleAsync());
        Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        await pages.CheckAsync(phone, "390-list-filtered");

        // On a wide screen they are open without a click.
        Assert.True(await page.Locator("form.filters[method=get]").IsVisibleAsync());
        pages.AssertNoSeriousViolations();
    }
}
