using Microsoft.Playwright;
using Pnx.Access;
using Xunit.Abstractions;

namespace Pnx.Tests.Web.Browser;

/// <summary>The municipal DPO keeps the processor register in a real Chromium, on a desktop and on a 390 px phone.</summary>
public sealed class RegisterBrowserTests(ITestOutputHelper output)
{
    private const string Nis = "23027";

    [BrowserFact]
    public async Task TheDpoAddsAProcessorOnADesktopAndOnAPhoneWithoutScrollingSideways()
    {
        await using var session = await BrowserSession.StartAsync();
        var pages = new MainPages(output);
        foreach (var width in new[] { 1280, 390 })
        {
            var page = await session.NewPageAsync(width);
            await session.SignInAsync(page, Role.MunicipalDpo, Nis);
            await page.GotoAsync($"/gemeenten/{Nis}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Registers", Exact = true }).ClickAsync();
            await page.WaitForURLAsync($"**/gemeenten/{Nis}/registers");
            await AssertFitsAsync(page, width);
            await pages.CheckAsync(page, $"registers-{width}");

            await page.GetByRole(AriaRole.Link, new() { Name = "Verwerker toevoegen" }).ClickAsync();
            await page.WaitForURLAsync($"**/gemeenten/{Nis}/registers/verwerker");
            var name = $"Mailhosting {width} NV";
            await page.GetByLabel("Naam van de verwerker").FillAsync(name);
            await page.GetByLabel("Doel van de verwerking").FillAsync("opslag van e-mails met de toeleiders");
            await page.GetByLabel("Datum van de verwerkersovereenkomst").FillAsync("31/02/2024");
            await page.GetByRole(AriaRole.Button, new() { Name = "Verwerker toevoegen" }).ClickAsync();
            Assert.Contains("Geef de datum van de verwerkersovereenkomst als dd/mm/jjjj.", await page.ContentAsync(), StringComparison.Ordinal);
            await AssertFitsAsync(page, width);
            await pages.CheckAsync(page, $"processor-refused-{width}");

            await page.GetByLabel("Datum van de verwerkersovereenkomst").FillAsync("15/01/2024");
            await page.GetByRole(AriaRole.Button, new() { Name = "Verwerker toevoegen" }).ClickAsync();
            await page.WaitForURLAsync($"**/gemeenten/{Nis}/registers#verwerkers");
            var content = await page.ContentAsync();
            Assert.Contains("De verwerker is toegevoegd.", content, StringComparison.Ordinal);
            Assert.Contains(name, content, StringComparison.Ordinal);
            await AssertFitsAsync(page, width);
            await pages.CheckAsync(page, $"registers-after-{width}");
            await page.Context.CloseAsync();
        }

        pages.AssertNoSeriousViolations();
    }

    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{BrowserSession.PathOf(page)} is {widths[0]} px wide on a {widths[1]} px screen (viewport {width})");
    }
}
