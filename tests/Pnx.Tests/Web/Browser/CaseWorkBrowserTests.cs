using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Pnx.Access;
using Pnx.Enrolments;
using Pnx.Tests.Web.Newcomers;
using Xunit.Abstractions;

namespace Pnx.Tests.Web.Browser;

/// <summary>The case worker's minute in a real Chromium: from a newcomer to a fitting activity to a recorded status with hours.</summary>
public sealed class CaseWorkBrowserTests(ITestOutputHelper output)
{
    private const string Nis = "23027";

    [BrowserFact]
    public async Task CaseWorkerFindsAMatchProposesItAndRecordsGestartWithHours()
    {
        await using var session = await BrowserSession.StartAsync();
        var pages = new MainPages(output);
        var newcomer = (await WorkspaceWorld.CurrentAsync(session.Web, Nis)).OrderBy(n => n.DossierNumber, StringComparer.Ordinal).First();
        await CaseWorkWorld.AddActivityAsync(session.Web, Nis, "Zwemclub De Dolfijn", a => a.Languages = newcomer.ContactLanguage);
        await CaseWorkWorld.AddActivityAsync(session.Web, Nis, "Taalcafé Halle");
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, Role.MunicipalCaseWorker, Nis);

        await page.GotoAsync($"/gemeenten/{Nis}/inburgeraars/{newcomer.Id}");
        var match = page.Locator("#aanbod li", new() { HasText = "Zwemclub De Dolfijn" });
        await Assertions.Expect(match).ToContainTextAsync("sluit aan bij:");
        await pages.CheckAsync(page, "casework-matches");
        await match.GetByRole(AriaRole.Button, new() { Name = "Voorstellen" }).ClickAsync();
        await page.WaitForURLAsync("**gedaan=voorgesteld**");
        await Assertions.Expect(page.Locator("#inschrijvingen")).ToContainTextAsync("voorgesteld");

        var card = page.Locator("#inschrijvingen li", new() { HasText = "Zwemclub De Dolfijn" });
        await card.GetByLabel("Status").SelectOptionAsync("gestart");
        await card.GetByLabel("Uren (vanaf gestart)").FillAsync("2,5");
        await card.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await page.WaitForURLAsync("**gedaan=status**");
        await Assertions.Expect(card.Locator(".status")).ToHaveTextAsync("gestart");
        await card.Locator("summary").ClickAsync();
        await Assertions.Expect(card.Locator("table.history")).ToContainTextAsync("toeleider.halle@demo.invalid");

        await page.Locator("#contact-uitkomst").SelectOptionAsync("afspraak gemaakt");
        await page.Locator("#contact-notitie").FillAsync("Start volgende dinsdag");
        await page.GetByRole(AriaRole.Button, new() { Name = "Contactpoging opslaan" }).ClickAsync();
        await page.WaitForURLAsync("**gedaan=contact**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aan mij toewijzen" }).ClickAsync();
        await page.WaitForURLAsync("**gedaan=toewijzing**");
        await pages.CheckAsync(page, "casework-recorded");

        await using (var db = session.Web.Database.Open())
        {
            var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.NewcomerId == newcomer.Id).OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal((EnrolmentStatus.Gestart, 2.5), (enrolment.Status, enrolment.Hours!.Value));
        }

        await page.GotoAsync($"/gemeenten/{Nis}/inburgeraars?mijn=1");
        await pages.CheckAsync(page, "casework-mine");
        // The link to the person carries the list's state in `terug`.
        await Assertions.Expect(page.Locator($"main a[href^='/gemeenten/{Nis}/inburgeraars/{newcomer.Id}?terug=']")).ToHaveCountAsync(1);
        pages.AssertNoSeriousViolations();
    }
}
