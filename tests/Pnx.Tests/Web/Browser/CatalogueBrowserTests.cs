using Microsoft.Playwright;
using Pnx.Access;
using Xunit.Abstractions;

namespace Pnx.Tests.Web.Browser;

/// <summary>The catalogue in a real Chromium: usable without JavaScript, and readable on a 390 px wide phone.</summary>
public sealed class CatalogueBrowserTests(ITestOutputHelper output)
{
    private const string Nis = "23027";
    private const int PhoneWidth = 390;

    [BrowserFact]
    public async Task OfferManagerKeepsTheCatalogueWithoutJavaScriptOnAPhoneWidthScreen()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(PhoneWidth, javaScript: false);
        await session.SignInAsync(page, Role.MunicipalOfferManager, Nis);

        await page.GotoAsync($"/gemeenten/{Nis}/aanbod");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe activiteit" }).ClickAsync();
        await page.GetByLabel("Titel").FillAsync("Wandelen met de buurt");
        await page.GetByLabel("Organisator").FillAsync("Buurtwerk Halle");
        await page.GetByLabel("sport en beweging").CheckAsync();
        await page.GetByLabel("Gratis", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Uren", new() { Exact = true }).FillAsync("12,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Activiteit aanmaken" }).ClickAsync();
        await page.WaitForURLAsync($"**/gemeenten/{Nis}/aanbod/*?opgeslagen=nieuw");
        Assert.Contains("De activiteit is aangemaakt.", await page.ContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Bewerken", Exact = true }).ClickAsync();
        await page.GetByLabel("Capaciteit", new() { Exact = true }).FillAsync("nul");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
        Assert.Contains("is geen geheel getal van 1 tot 100000", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Capaciteit", new() { Exact = true }).FillAsync("15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
        await page.WaitForURLAsync($"**/gemeenten/{Nis}/aanbod/*?opgeslagen=bewerkt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deactiveren" }).ClickAsync();
        await page.WaitForURLAsync($"**/gemeenten/{Nis}/aanbod/*?opgeslagen=gedeactiveerd");
    }

    [BrowserFact]
    public async Task CataloguePagesFitAPhoneScreenAndPassTheAccessibilityCheck()
    {
        await using var session = await BrowserSession.StartAsync();
        var pages = new MainPages(output);
        var page = await session.NewPageAsync(PhoneWidth);
        await session.SignInAsync(page, Role.MunicipalOfferManager, Nis);

        foreach (var (name, path) in new[]
        {
            ("catalogue", $"/gemeenten/{Nis}/aanbod"),
            ("catalogue-filtered", $"/gemeenten/{Nis}/aanbod?zoek=halle&status=actief"),
            ("activity", $"/gemeenten/{Nis}/aanbod/1"),
            ("activity-new", $"/gemeenten/{Nis}/aanbod/nieuw"),
            ("activity-edit", $"/gemeenten/{Nis}/aanbod/1/bewerken"),
            ("activity-upload", $"/gemeenten/{Nis}/aanbod/import"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            var (scroll, viewport) = (widths[0], widths[1]);
            Assert.True(scroll <= viewport, $"{path} is {scroll} px wide on a {viewport} px screen");
            await pages.CheckAsync(page, name + "-390");
        }

        pages.AssertNoSeriousViolations();
    }
}
