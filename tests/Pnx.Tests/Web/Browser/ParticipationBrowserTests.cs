using Microsoft.Playwright;
using Pnx.Access;
using Pnx.Tests.Trajectories;
using Xunit.Abstractions;

namespace Pnx.Tests.Web.Browser;

/// <summary>
/// Issue 7 end to end in a real Chromium: a case worker proposes a matching activity to a newcomer and records
/// `gestart` with hours; the agency counsellor then finds it and confirms the hours.
/// </summary>
public sealed class ParticipationBrowserTests(ITestOutputHelper output)
{
    private const string Nis = "23027";

    [BrowserFact]
    public async Task CounsellorFindsATrajectoryConfirmsTheReportedHoursAndPrintsTheProof()
    {
        await using var session = await BrowserSession.StartAsync();
        var pages = new MainPages(output);
        var dossier = TrajectoryHost.NewDossier();
        var newcomer = await ParticipationWorld.AddNewcomerAsync(session.Web.Database, Nis, dossier, "Browsertest", "Mila");
        var activity = await ParticipationWorld.AddActivityAsync(session.Web.Database, Nis, "Tuinproject De Kiem");
        await ParticipationWorld.EnrolAsync(session.Web.Database, TimeProvider.System, Nis, newcomer, activity, [(Pnx.Enrolments.EnrolmentStatus.Gestart, null, 12)]);

        var counsellor = await session.NewPageAsync();
        await session.SignInAsync(counsellor, Role.AgencyTrajectoryCounsellor, null);
        await counsellor.Locator("main a[href='/agentschap/trajecten']").ClickAsync();
        await counsellor.WaitForURLAsync("**/agentschap/trajecten");
        Assert.Contains(dossier, await counsellor.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
        await pages.CheckAsync(counsellor, "trajectories-awaiting");

        await counsellor.GetByLabel("Dossiernummer").FillAsync(dossier);
        await counsellor.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await counsellor.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/agentschap/trajecten/\d+$"));
        Assert.DoesNotContain(dossier, counsellor.Url, StringComparison.Ordinal);
        await pages.CheckAsync(counsellor, "trajectory");

        await counsellor.Locator("form.confirm input[name=hours]").First.FillAsync("12");
        await counsellor.Locator("form.confirm button", new() { HasTextString = "Bevestigen" }).First.ClickAsync();
        await counsellor.WaitForURLAsync("**?klaar=uren");
        Assert.Contains("12 van 40 uur bevestigd", await counsellor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await pages.CheckAsync(counsellor, "trajectory-confirmed");

        await counsellor.Locator("main a", new() { HasTextString = "Bewijs van deelname" }).First.ClickAsync();
        await counsellor.WaitForURLAsync("**/bewijs");
        Assert.Contains("Mila Browsertest", await counsellor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await pages.CheckAsync(counsellor, "proof-of-participation");
        await counsellor.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await counsellor.Locator("header.top").IsVisibleAsync());
        await counsellor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder(), "proof-of-participation-print.png"), FullPage = true });
        pages.AssertNoSeriousViolations();
    }

    [BrowserFact]
    public async Task CaseWorkerEnrolsAndRecordsHoursThenTheCounsellorConfirmsThem()
    {
        await using var session = await BrowserSession.StartAsync();
        var pages = new MainPages(output);
        var dossier = TrajectoryHost.NewDossier();
        var newcomer = await ParticipationWorld.AddNewcomerAsync(session.Web.Database, Nis, dossier, "Browsertest", "Noor");
        await ParticipationWorld.AddActivityAsync(session.Web.Database, Nis, "Open atelier voor iedereen", a =>
        {
            a.Childcare = a.FamilyActivity = a.Free = true;
        });

        var caseWorker = await session.NewPageAsync();
        await session.SignInAsync(caseWorker, Role.MunicipalCaseWorker, Nis);
        await caseWorker.GotoAsync($"/gemeenten/{Nis}/inburgeraars/{newcomer}");
        await pages.CheckAsync(caseWorker, "participation-newcomer");

        var match = caseWorker.Locator("#aanbod li", new() { HasText = "Open atelier voor iedereen" });
        await match.GetByRole(AriaRole.Button, new() { Name = "Voorstellen" }).ClickAsync();
        await caseWorker.WaitForURLAsync("**gedaan=voorgesteld**");
        var card = caseWorker.Locator("#inschrijvingen li", new() { HasText = "Open atelier voor iedereen" });
        await card.GetByLabel("Status").SelectOptionAsync("gestart");
        await card.GetByLabel("Uren (vanaf gestart)").FillAsync("12");
        await card.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await caseWorker.WaitForURLAsync("**gedaan=status**");
        await Assertions.Expect(card.Locator(".status")).ToHaveTextAsync("gestart");
        await pages.CheckAsync(caseWorker, "participation-status-recorded");

        var counsellor = await session.NewPageAsync();
        await session.SignInAsync(counsellor, Role.AgencyTrajectoryCounsellor, null);
        await counsellor.Locator($"main a[href='/agentschap/trajecten']").ClickAsync();
        await counsellor.WaitForURLAsync("**/agentschap/trajecten");
        Assert.Contains(dossier, await counsellor.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
        await pages.CheckAsync(counsellor, "casework-trajectories-awaiting");

        await counsellor.GetByLabel("Dossiernummer").FillAsync(dossier);
        await counsellor.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await counsellor.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/agentschap/trajecten/\d+$"));
        Assert.DoesNotContain(dossier, counsellor.Url, StringComparison.Ordinal);
        Assert.Contains("0 van 40 uur bevestigd", await counsellor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await pages.CheckAsync(counsellor, "casework-trajectory");

        await counsellor.Locator("form.confirm input[name=hours]").First.FillAsync("12");
        await counsellor.Locator("form.confirm button", new() { HasTextString = "Bevestigen" }).First.ClickAsync();
        await counsellor.WaitForURLAsync("**?klaar=uren");
        Assert.Contains("12 van 40 uur bevestigd", await counsellor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await pages.CheckAsync(counsellor, "casework-trajectory-confirmed");

        pages.AssertNoSeriousViolations();
    }
}
