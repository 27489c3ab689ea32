using System.Globalization;
using System.Net;
using WebClient = Pnx.Tests.Infrastructure.WebClient;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Enrolments;
using Pnx.Tests.Infrastructure;
using static Pnx.Tests.Web.Newcomers.WorkspaceWorld;

namespace Pnx.Tests.Trajectories;

/// <summary>The agency trajectory counsellor's view (/agentschap/trajecten): across municipalities, confirming hours, the goal of art. 33 §2.</summary>
public sealed class TrajectoryCounsellorTests(TrajectoryHost host) : IClassFixture<TrajectoryHost>
{
    private TestWeb Web => host.Web;

    private static readonly (EnrolmentStatus, StopReason?, double?)[] StartedWith30 = [(EnrolmentStatus.Gestart, null, 30)];

    [Fact]
    public async Task CounsellorFindsANewcomerByDossierNumberAcrossMunicipalitiesWithoutItInTheUrl()
    {
        var dossier = TrajectoryHost.NewDossier();
        var halle = await ParticipationWorld.AddNewcomerAsync(Web.Database, "23027", dossier, "Trajectvrouw", "Amina");
        var vilvoorde = await ParticipationWorld.AddNewcomerAsync(Web.Database, "23088", dossier, "Trajectvrouw", "Amina");
        var swimming = await ParticipationWorld.AddActivityAsync(Web.Database, "23027", "Zwemclub De Dolfijn");
        var cooking = await ParticipationWorld.AddActivityAsync(Web.Database, "23088", "Kookatelier Vilvoorde");
        await ParticipationWorld.EnrolAsync(Web.Database, TimeProvider.System, "23027", halle, swimming, [(EnrolmentStatus.Gestart, null, 12.5)]);
        await ParticipationWorld.EnrolAsync(Web.Database, TimeProvider.System, "23088", vilvoorde, cooking, [(EnrolmentStatus.Gestart, null, 4), (EnrolmentStatus.Gestopt, StopReason.Werk, 4)]);
        using var counsellor = await Web.SignInAsync(Role.AgencyTrajectoryCounsellor);
        var before = await AuditHeadAsync(Web);

        var path = await TrajectoryHost.FindAsync(counsellor, dossier);

        Assert.DoesNotContain(dossier, path, StringComparison.OrdinalIgnoreCase);
        var html = await counsellor.GetPageAsync(path);
        Assert.Contains("Amina Trajectvrouw", html, StringComparison.Ordinal);
        Assert.Contains("23027 Halle", html, StringComparison.Ordinal);
        Assert.Contains("23088 Vilvoorde", html, StringComparison.Ordinal);
        Assert.Contains("Zwemclub De Dolfijn", html, StringComparison.Ordinal);
        Assert.Contains("Kookatelier Vilvoorde", html, StringComparison.Ordinal);
        Assert.Contains("12,5", html, StringComparison.Ordinal);
        Assert.Contains(">gestopt<", html, StringComparison.Ordinal);
        Assert.Contains(">werk<", html, StringComparison.Ordinal);
        Assert.Contains("Geschiedenis", html, StringComparison.Ordinal);
        Assert.Contains("0 van 40 uur bevestigd", html, StringComparison.Ordinal);
        var view = Assert.Single(await AuditSinceAsync(Web, before), e => e.Action == "trajectory.view");
        Assert.Contains(dossier, view.Subjects, StringComparison.Ordinal);
        Assert.Null(view.Municipality);
    }

    [Fact]
    public async Task AnUnknownDossierNumberIsReportedOnTheSearchPage()
    {
        using var counsellor = await Web.SignInAsync(Role.AgencyTrajectoryCounsellor);
        using var search = await counsellor.PostFormAsync("/agentschap/trajecten", new Dictionary<string, string> { ["Dossiernummer"] = "BESTAAT-NIET-1" });
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains("Geen inburgeraar met dit dossiernummer gevonden.", await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CounsellorConfirmsReportedOrCorrectedHoursAndOnlyConfirmedHoursCountTowardForty()
    {
        var dossier = TrajectoryHost.NewDossier();
        var newcomer = await ParticipationWorld.AddNewcomerAsync(Web.Database, "23027", dossier);
        var first = await ParticipationWorld.AddActivityAsync(Web.Database, "23027", "Voetbalclub");
        var second = await ParticipationWorld.AddActivityAsync(Web.Database, "23027", "Buddyproject");
        var running = await ParticipationWorld.EnrolAsync(Web.Database, TimeProvider.System, "23027", newcomer, first, StartedWith30);
        var finished = await ParticipationWorld.EnrolAsync(Web.Database, TimeProvider.System, "23027", newcomer, second, [(EnrolmentStatus.Afgerond, null, 12)]);
        using var counsellor = await Web.SignInAsync(Role.AgencyTrajectoryCounsellor);
        var path = await TrajectoryHost.FindAsync(counsellor, dossier);
        await SaveFactsAsync(counsellor, path, new() { ["Facts.SignedOn"] = "2020-01-01", ["Facts.Version"] = "0" });
        Assert.Contains(dossier, await counsellor.GetPageAsync("/agentschap/trajecten"), StringComparison.Ordinal);
        var before = await AuditHeadAsync(Web);

        await ConfirmAsync(counsellor, path, running, "30");
        await ConfirmAsync(counsellor, path, finished, "10");   // the signed proof shows 10 of the 12 reported hours

        var html = await counsellor.GetPageAsync(path);
        Assert.Contains("40 van 40 uur bevestigd", html, StringComparison.Ordinal);
        Assert.Contains("Doel bereikt", html, StringComparison.Ordinal);
        var confirmed = await ParticipationWorld.EnrolmentAsync(Web.Database, finished);
        Assert.Equal(10, confirmed.ConfirmedHours);
        Assert.Equal(12, confirmed.Hours);
        Assert.StartsWith("user:", confirmed.HoursConfirmedBy, StringComparison.Ordinal);
        var audits = (await AuditSinceAsync(Web, before)).Where(e => e.Action == "enrolment.hours-confirm").ToList();
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Equal("23027", a.Municipality));
        Assert.All(audits, a => Assert.Contains(dossier, a.Subjects, StringComparison.Ordinal));
        Assert.DoesNotContain(dossier, await counsellor.GetPageAsync("/agentschap/trajecten"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HoursReportedAgainAfterConfirmationWaitForTheCounsellorAgain()
    {
        var dossier = TrajectoryHost.NewDossier();
        var newcomer = await ParticipationWorld.AddNewcomerAsync(Web.Database, "23027", dossier);
        var activity = await ParticipationWorld.AddActivityAsync(Web.Database, "23027", "Tekenles");
        var enrolment = await ParticipationWorld.EnrolAsync(Web.Database, TimeProvider.System, "23027", newcomer, activity, [(EnrolmentStatus.Gestart, null, 6)]);
        using var counsellor = await Web.SignInAsync(Role.AgencyTrajectoryCounsellor);
        var path = await TrajectoryHost.FindAsync(counsellor, dossier);
        await ConfirmAsync(counsellor, path, enrolment, "6");
        Assert.DoesNotContain(dossier, await counsellor.GetPageAsync("/agentschap/trajecten"), StringComparison.Ordinal);

        var workspace = await ParticipationWorld.WorkspaceAsync(Web.Database, "23027");
        await using (var db = Web.Database.Open())
        {
            var changed = await Enrolling.ChangeAsync(db, TimeProvider.System, workspace, enrolment, await host.VersionAsync(enrolment), EnrolmentStatus.Gestart, null, 9, "test:case-worker", CancellationToken.None);
            Assert.True(changed.Succeeded, changed.Message);
        }

        Assert.Contains(dossier, await counsellor.GetPageAsync("/agentschap/trajecten"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleOrInvalidConfirmationIsRefusedAndConfirmsNothing()
    {
        var dossier = TrajectoryHost.NewDossier();
        var newcomer = await ParticipationWorld.AddNewcomerAsync(Web.Database, "23027", dossier);
        var activity = await ParticipationWorld.AddActivityAsync(Web.Database, "23027", "Wandelclub");
        var started = await ParticipationWorld.EnrolAsync(Web.Database, TimeProvider.System, "23027", newcomer, activity, StartedWith30);
        var proposed = await ParticipationWorld.EnrolAsync(Web.Database, TimeProvider.System, "23027", newcomer,
            await ParticipationWorld.AddActivityAsync(Web.Database, "23027", "Fietsles"));
        using var counsellor = await Web.SignInAsync(Role.AgencyTrajectoryCounsellor);
        var path = await TrajectoryHost.FindAsync(counsellor, dossier);
        var version = await host.VersionAsync(started);

        using (var stale = await PostConfirmAsync(counsellor, path, started, version - 1, "30"))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Contains("intussen gewijzigd", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var halfSteps = await PostConfirmAsync(counsellor, path, started, version, "2,25"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, halfSteps.StatusCode);
        }

        using (var notStarted = await PostConfirmAsync(counsellor, path, proposed, await host.VersionAsync(proposed), "3"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, notStarted.StatusCode);
        }

        Assert.Null((await ParticipationWorld.EnrolmentAsync(Web.Database, started)).ConfirmedHours);
        Assert.Null((await ParticipationWorld.EnrolmentAsync(Web.Database, proposed)).ConfirmedHours);
    }

    [Fact]
    public async Task AnEnrolmentOfAnotherDossierCannotBeConfirmedFromThisPage()
    {
        var dossier = TrajectoryHost.NewDossier();
        var newcomer = await ParticipationWorld.AddNewcomerAsync(Web.Database, "23027", dossier);
        var other = await ParticipationWorld.AddNewcomerAsync(Web.Database, "23027", TrajectoryHost.NewDossier());
        var activity = await ParticipationWorld.AddActivityAsync(Web.Database, "23027", "Schaakclub");
        await ParticipationWorld.EnrolAsync(Web.Database, TimeProvider.System, "23027", newcomer, activity, StartedWith30);
        var foreign = await ParticipationWorld.EnrolAsync(Web.Database, TimeProvider.System, "23027", other, activity, StartedWith30);
        using var counsellor = await Web.SignInAsync(Role.AgencyTrajectoryCounsellor);
        var path = await TrajectoryHost.FindAsync(counsellor, dossier);

        using var response = await PostConfirmAsync(counsellor, path, foreign, await host.VersionAsync(foreign), "30");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await ParticipationWorld.EnrolmentAsync(Web.Database, foreign)).ConfirmedHours);
    }

    [Fact]
    public async Task CounsellorRecordsContractFactsAndTheGoalFollowsWorkAtSigning()
    {
        var dossier = TrajectoryHost.NewDossier();
        await ParticipationWorld.AddNewcomerAsync(Web.Database, "23027", dossier);
        using var counsellor = await Web.SignInAsync(Role.AgencyTrajectoryCounsellor);
        var path = await TrajectoryHost.FindAsync(counsellor, dossier);
        Assert.Contains("Nog niet te beoordelen", await counsellor.GetPageAsync(path), StringComparison.Ordinal);
        var before = await AuditHeadAsync(Web);

        await SaveFactsAsync(counsellor, path, new() { ["Facts.SignedOn"] = "15/01/2025", ["Facts.EndsOn"] = "2026-01-14", ["Facts.AtSigning"] = "true", ["Facts.Version"] = "0" });

        var html = await counsellor.GetPageAsync(path);
        Assert.Contains("Doel bereikt", html, StringComparison.Ordinal);
        Assert.Contains("werkte of studeerde bij de ondertekening van het contract", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2025-01-15\"", html, StringComparison.Ordinal);
        await using (var db = Web.Database.Open())
        {
            var facts = await db.TrajectoryFacts.AsNoTracking().SingleAsync(f => f.DossierNumber == dossier);
            Assert.Equal(new DateOnly(2025, 1, 15), facts.ContractSignedOn);
            Assert.Equal(new DateOnly(2026, 1, 14), facts.ContractEndsOn);
            Assert.True(facts.WorkingOrStudyingAtSigning);
            Assert.Equal(1, facts.Version);
        }

        var entry = Assert.Single(await AuditSinceAsync(Web, before), e => e.Action == "trajectory.facts");
        Assert.Contains(dossier, entry.Subjects, StringComparison.Ordinal);
        Assert.DoesNotContain("2025", entry.Detail ?? "", StringComparison.Ordinal);

        // A second counsellor's form, still at version 0, does not overwrite what the first saved.
        using var stale = await counsellor.PostFormAsync(path, new Dictionary<string, string> { ["Facts.SignedOn"] = "2024-01-01", ["Facts.Version"] = "0" }, path + "?handler=Facts");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var backwards = await counsellor.PostFormAsync(path, new Dictionary<string, string> { ["Facts.SignedOn"] = "2025-01-15", ["Facts.EndsOn"] = "2024-01-01", ["Facts.Version"] = "1" }, path + "?handler=Facts");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, backwards.StatusCode);
        await using (var db = Web.Database.Open())
        {
            Assert.Equal(new DateOnly(2025, 1, 15), (await db.TrajectoryFacts.AsNoTracking().SingleAsync(f => f.DossierNumber == dossier)).ContractSignedOn);
        }
    }

    [Theory]
    [InlineData(Role.MunicipalCaseWorker)]
    [InlineData(Role.MunicipalOfferManager)]
    [InlineData(Role.MunicipalDpo)]
    [InlineData(Role.AgencyDataSteward)]
    [InlineData(Role.AgencyDpo)]
    public async Task NoRoleButTheCounsellorSeesTrajectoriesConfirmsHoursOrRecordsFacts(Role role)
    {
        var dossier = TrajectoryHost.NewDossier();
        var newcomer = await ParticipationWorld.AddNewcomerAsync(Web.Database, "23027", dossier);
        var activity = await ParticipationWorld.AddActivityAsync(Web.Database, "23027", "Judo");
        var enrolment = await ParticipationWorld.EnrolAsync(Web.Database, TimeProvider.System, "23027", newcomer, activity, StartedWith30);
        using var client = await Web.SignInAsync(role, role.IsMunicipal() ? "23027" : null);
        var path = "/agentschap/trajecten/" + newcomer.ToString(CultureInfo.InvariantCulture);

        foreach (var page in new[] { "/agentschap/trajecten", path, $"/agentschap/inschrijvingen/{enrolment}/bewijs" })
        {
            using var get = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        }

        var version = (await host.VersionAsync(enrolment)).ToString(CultureInfo.InvariantCulture);
        using (var confirm = await client.PostFormAsync("/start", new Dictionary<string, string> { ["enrolment"] = enrolment.ToString(CultureInfo.InvariantCulture), ["version"] = version, ["hours"] = "30" }, path + "?handler=Confirm"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);
        }

        using (var facts = await client.PostFormAsync("/start", new Dictionary<string, string> { ["Facts.SignedOn"] = "2025-01-01", ["Facts.Version"] = "0" }, path + "?handler=Facts"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, facts.StatusCode);
        }

        Assert.Null((await ParticipationWorld.EnrolmentAsync(Web.Database, enrolment)).ConfirmedHours);
        await using var db = Web.Database.Open();
        Assert.False(await db.TrajectoryFacts.AnyAsync(f => f.DossierNumber == dossier));
    }

    [Fact]
    public async Task TrajectoryFactsAppearOnNoPageOrExportOfTheCaseWorker()
    {
        var dossier = TrajectoryHost.NewDossier();
        var newcomer = await ParticipationWorld.AddNewcomerAsync(Web.Database, "23027", dossier);
        var activity = await ParticipationWorld.AddActivityAsync(Web.Database, "23027", "Kunstatelier");
        var enrolment = await ParticipationWorld.EnrolAsync(Web.Database, TimeProvider.System, "23027", newcomer, activity, StartedWith30);
        using (var counsellor = await Web.SignInAsync(Role.AgencyTrajectoryCounsellor))
        {
            var path = await TrajectoryHost.FindAsync(counsellor, dossier);
            await SaveFactsAsync(counsellor, path, new() { ["Facts.SignedOn"] = "2019-11-13", ["Facts.StartedOn"] = "2021-07-04", ["Facts.Version"] = "0" });
        }

        using var caseWorker = await Web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var seen = new List<string>
        {
            await caseWorker.GetPageAsync($"/gemeenten/23027/inburgeraars/{newcomer}"),
            await caseWorker.GetPageAsync("/gemeenten/23027/inburgeraars"),
            await caseWorker.GetPageAsync($"/gemeenten/23027/inschrijvingen/{enrolment}/bewijs"),
            await caseWorker.GetPageAsync("/gemeenten/23027"),
        };
        using (var export = await caseWorker.PostFormAsync("/gemeenten/23027/inburgeraars", new Dictionary<string, string> { ["format"] = "csv" }, "/gemeenten/23027/export"))
        {
            seen.Add(await export.Content.ReadAsStringAsync());
        }

        foreach (var sentinel in new[] { "13/11/2019", "2019-11-13", "04/07/2021", "2021-07-04" })
        {
            Assert.All(seen, body => Assert.DoesNotContain(sentinel, body, StringComparison.Ordinal));
        }
    }

    private async Task ConfirmAsync(WebClient counsellor, string path, long enrolment, string hours)
    {
        using var response = await PostConfirmAsync(counsellor, path, enrolment, await host.VersionAsync(enrolment), hours);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(path + "?klaar=uren", response.Headers.Location!.OriginalString);
    }

    private static Task<HttpResponseMessage> PostConfirmAsync(WebClient counsellor, string path, long enrolment, int version, string hours) =>
        counsellor.PostFormAsync(path, new Dictionary<string, string>
        {
            ["enrolment"] = enrolment.ToString(CultureInfo.InvariantCulture), ["version"] = version.ToString(CultureInfo.InvariantCulture), ["hours"] = hours,
        }, path + "?handler=Confirm");

    private static async Task SaveFactsAsync(WebClient counsellor, string path, Dictionary<string, string> fields)
    {
        using var response = await counsellor.PostFormAsync(path, fields, path + "?handler=Facts");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"facts answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
