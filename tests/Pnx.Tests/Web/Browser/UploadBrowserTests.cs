using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pnx.Access;
using Xunit.Abstractions;

namespace Pnx.Tests.Web.Browser;

/// <summary>
/// The steward uploads the agency's export in a real browser: the preview arrives at its own address (the check ran in
/// the background), reload and Back never post the file again, and the confirmation ends on the applied outcome by
/// the page's own refresh; on a 390-pixel screen without sideways scrolling.
/// </summary>
public sealed class UploadBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task PreviewReloadConfirmAndGoBackWithoutPostingTheFileAgain()
    {
        await using var session = await BrowserSession.StartAsync();
        var pages = new MainPages(output);
        var page = await session.NewPageAsync();
        var posts = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST") posts.Add(new Uri(request.Url).PathAndQuery);
        };
        await session.SignInAsync(page, Role.AgencyDataSteward, null);
        var file = Path.Combine(session.Web.Database.Settings.DataDir, "export-halle.csv");
        await File.WriteAllTextAsync(file, "Dossiernummer;Naam;Voornaam;Niveau Nederlands\r\nW-0801;Peeters;Anna;A2\r\nW-0802;Janssens;Bram;B1\r\n", Encoding.UTF8);

        await page.GotoAsync("/agentschap/import");
        posts.Clear();
        await page.GetByLabel("Bestand").SetInputFilesAsync(file);
        await page.GetByLabel("Alleen toevoegen en bijwerken").CheckAsync();
        await page.GetByLabel("Gemeente", new() { Exact = true }).SelectOptionAsync("23027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld bekijken" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/agentschap/import\\?upload=[0-9a-f]{32}$"));
        var status = page.Url;
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Voorbeeld: dit zou er veranderen" });
        await Assertions.Expect(heading).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("export-halle.csv · alleen toevoegen en bijwerken · gemeente 23027");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "23027 Halle" })).ToContainTextAsync("2");
        await pages.CheckAsync(page, "upload-preview");
        Assert.Equal(["/agentschap/import?handler=Preview"], posts);

        // Reload shows the same preview from a GET; on a phone too, without sideways scrolling.
        await page.SetViewportSizeAsync(390, 844);
        var reload = await page.ReloadAsync();
        Assert.Equal(200, reload!.Status);
        await Assertions.Expect(heading).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the preview is wider than 390 pixels");
        await pages.CheckAsync(page, "upload-preview-390");
        Assert.Single(posts);

        // Confirm: the page refreshes itself until the outcome is there.
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen en toepassen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Toegepast: de gegevens zijn gedeeld" }))
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal(status, page.Url);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the outcome is wider than 390 pixels");
        await pages.CheckAsync(page, "upload-applied-390");

        // Back and reload: GETs of the upload's address, which now tells it was applied; nothing is posted again.
        await page.GoBackAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Bevestigen en toepassen");
        Assert.Equal(["/agentschap/import?handler=Preview", "/agentschap/import?handler=Apply"], posts);
        pages.AssertNoSeriousViolations();
    }
}
