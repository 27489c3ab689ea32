using Microsoft.Playwright;
using Pnx.Access;
using Pnx.Imports.Upload;

namespace Pnx.Tests.Web.Browser;

/// <summary>What a person sees when the file is too large: the Dutch page, not a browser network error.</summary>
public sealed class UploadLimitBrowserTests
{
    [BrowserFact]
    public async Task AnOversizedUploadShowsTheDutchTooLargePageInTheBrowser()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, Role.AgencyDataSteward, null);
        var file = Path.Combine(session.Web.Database.Settings.DataDir, "te-groot.csv");
        await using (var stream = File.Create(file))
        {
            stream.SetLength(UploadModel.MaxBytes + 1024);
        }

        await page.GotoAsync("/agentschap/import");
        await page.GetByLabel("Bestand").SetInputFilesAsync(file);
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld bekijken" }).ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(413, answer.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bestand te groot");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("hoogstens 50 MB");
    }
}
