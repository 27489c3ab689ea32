using System.Net;
using Pnx.Access;
using Pnx.Enrolments;
using Pnx.Tests.Infrastructure;
using static Pnx.Tests.Web.Newcomers.WorkspaceWorld;

namespace Pnx.Tests.Trajectories;

/// <summary>The proof of participation (bewijs van deelname): pre-filled, print-ready, audited, tenant-bound.</summary>
public sealed class TrajectoryProofTests(TrajectoryHost host) : IClassFixture<TrajectoryHost>
{
    private TestWeb Web => host.Web;

    private async Task<(string Dossier, long Enrolment)> EnrolAsync(string nis = "23027")
    {
        var dossier = TrajectoryHost.NewDossier();
        var newcomer = await ParticipationWorld.AddNewcomerAsync(Web.Database, nis, dossier, "Bewijsmans", "Yusuf");
        var activity = await ParticipationWorld.AddActivityAsync(Web.Database, nis, "Buddywerking Samen", a =>
        {
            a.Organiser = "Vzw Samen Halle";
            a.ContactPerson = "Griet Claes";
        });
        var enrolment = await ParticipationWorld.EnrolAsync(Web.Database, TimeProvider.System, nis, newcomer, activity,
            [(EnrolmentStatus.Gestart, null, 12.5), (EnrolmentStatus.Afgerond, null, 12.5)]);
        return (dossier, enrolment);
    }

    [Fact]
    public async Task ProofOfParticipationIsPrefilledForTheCaseWorkerAndAuditedAsARead()
    {
        var (dossier, enrolment) = await EnrolAsync();
        using var caseWorker = await Web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var before = await AuditHeadAsync(Web);

        var html = await caseWorker.GetPageAsync($"/gemeenten/23027/inschrijvingen/{enrolment}/bewijs");

        Assert.Contains("Bewijs van deelname", html, StringComparison.Ordinal);
        Assert.Contains("Yusuf Bewijsmans", html, StringComparison.Ordinal);
        Assert.Contains(dossier, html, StringComparison.Ordinal);
        Assert.Contains("Buddywerking Samen", html, StringComparison.Ordinal);
        Assert.Contains("Vzw Samen Halle", html, StringComparison.Ordinal);
        Assert.Contains("Griet Claes", html, StringComparison.Ordinal);
        Assert.Contains("12,5 uur", html, StringComparison.Ordinal);
        var today = Pnx.Trajectories.ParticipationPeriod.Day(DateTime.UtcNow).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("van " + today + " tot " + today, html, StringComparison.Ordinal);
        Assert.Contains("Handtekening van de contactpersoon", html, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditSinceAsync(Web, before), e => e.Action == "enrolment.proof");
        Assert.Equal("23027", entry.Municipality);
        Assert.Contains(dossier, entry.Subjects, StringComparison.Ordinal);
        Assert.DoesNotContain("Bewijsmans", entry.Detail ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProofOfAnotherMunicipalitysEnrolmentAnswers404AndIsAuditedAsDenied()
    {
        var (_, enrolment) = await EnrolAsync("23088");
        using var caseWorker = await Web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var before = await AuditHeadAsync(Web);

        using var own = await caseWorker.GetAsync($"/gemeenten/23027/inschrijvingen/{enrolment}/bewijs");
        using var theirs = await caseWorker.GetAsync($"/gemeenten/23088/inschrijvingen/{enrolment}/bewijs");

        Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.DoesNotContain("Bewijsmans", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await AuditSinceAsync(Web, before);
        Assert.Equal(2, audit.Count(e => e.Action == "access.denied"));
        Assert.DoesNotContain(audit, e => e.Action == "enrolment.proof");
    }

    [Fact]
    public async Task CounsellorOpensTheProofFromTheAgencyView()
    {
        var (dossier, enrolment) = await EnrolAsync("23088");
        using var counsellor = await Web.SignInAsync(Role.AgencyTrajectoryCounsellor);
        var path = await TrajectoryHost.FindAsync(counsellor, dossier);
        var link = $"/agentschap/inschrijvingen/{enrolment}/bewijs";
        Assert.Contains($"href=\"{link}\"", await counsellor.GetPageAsync(path), StringComparison.Ordinal);
        var before = await AuditHeadAsync(Web);

        var html = await counsellor.GetPageAsync(link);

        Assert.Contains("Yusuf Bewijsmans", html, StringComparison.Ordinal);
        Assert.Contains("23088 Vilvoorde", html, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditSinceAsync(Web, before), e => e.Action == "enrolment.proof");
        Assert.Equal("23088", entry.Municipality);
    }

    [Fact]
    public async Task TheProofPrintsOnA4WithoutTheApplicationsMenus()
    {
        using var anonymous = Web.NewClient();
        var css = await anonymous.GetPageAsync("/static/pnx.css");
        var print = css[css.IndexOf("@media print", StringComparison.Ordinal)..];
        Assert.Contains("size: A4", print, StringComparison.Ordinal);
        Assert.Contains("header.top, footer, nav", print, StringComparison.Ordinal);
        Assert.Contains("display: none", print, StringComparison.Ordinal);
    }
}
