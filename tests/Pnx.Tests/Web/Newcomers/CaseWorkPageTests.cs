using System.Net;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Audit;
using Pnx.Enrolments;
using Pnx.Newcomers;
using Pnx.Tests.Infrastructure;
using WebClient = Pnx.Tests.Infrastructure.WebClient;
using static Pnx.Tests.Web.Newcomers.CaseWorkWorld;
using static Pnx.Tests.Web.Newcomers.WorkspaceWorld;

namespace Pnx.Tests.Web.Newcomers;

/// <summary>A case worker on a newcomer's page, through the real host with a real sign-in: match, propose, record, log, assign.</summary>
public sealed class CaseWorkPageTests : IAsyncLifetime
{
    private TestWeb _web = null!;
    private WebClient _client = null!;
    private Newcomer _newcomer = null!;

    private string Page => $"/gemeenten/23027/inburgeraars/{_newcomer.Id}";

    public async Task InitializeAsync()
    {
        _web = await TestWeb.StartAsync();
        _client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        _newcomer = (await CurrentAsync(_web, "23027")).First(n => n.Phone is not null && n.Email is not null);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _web.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string handler, Dictionary<string, string> fields) =>
        _client.PostFormAsync(Page, fields, Page + "?handler=" + handler);

    private async Task<Enrolment> EnrolmentAsync(int activityId)
    {
        await using var db = _web.Database.Open();
        return await db.Enrolments.AsNoTracking().SingleAsync(e => e.NewcomerId == _newcomer.Id && e.ActivityId == activityId);
    }

    [Fact]
    public async Task TheNewcomersPageRanksFittingActivitiesWithReasonsAndProposingOneCreatesAVoorgesteldEnrolment()
    {
        var fits = await AddActivityAsync(_web, "23027", "Testzwemclub");
        var tooHard = await AddActivityAsync(_web, "23027", "Debatclub C2", a => a.MinimumDutchLevel = DutchLevel.C2);
        var html = await _client.GetPageAsync(Page);
        Assert.Contains("Testzwemclub", html, StringComparison.Ordinal);
        Assert.Contains("sluit aan bij:", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"activityId\" value=\"{fits}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"activityId\" value=\"{tooHard}\"", html, StringComparison.Ordinal);

        var before = await AuditHeadAsync(_web);
        using var response = await PostAsync("propose", new() { ["activityId"] = fits.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Page + "?gedaan=voorgesteld#inschrijvingen", response.Headers.Location?.OriginalString);
        var enrolment = await EnrolmentAsync(fits);
        Assert.Equal((EnrolmentStatus.Voorgesteld, 1), (enrolment.Status, enrolment.Version));
        var created = Assert.Single(await AuditSinceAsync(_web, before), e => e.Action == "enrolment.create");
        Assert.Equal([_newcomer.DossierNumber], AuditHash.ParseSubjects(created.Subjects));

        var after = await _client.GetPageAsync(Page + "?gedaan=voorgesteld");
        Assert.Contains("De activiteit is voorgesteld.", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"activityId\" value=\"{fits}\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposingAnotherMunicipalitysActivityAnswers404AndCreatesNothing()
    {
        var foreign = await AddActivityAsync(_web, "23088", "Vilvoordse club");
        var before = await EnrolmentCountAsync();
        using var response = await PostAsync("propose", new() { ["activityId"] = foreign.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await EnrolmentCountAsync());
    }

    private async Task<int> EnrolmentCountAsync()
    {
        await using var db = _web.Database.Open();
        return await db.Enrolments.CountAsync();
    }

    [Fact]
    public async Task AStatusChangeWithHoursIsSavedAndTheHistoryShowsWhoAndWhenInBelgianTime()
    {
        var activity = await AddActivityAsync(_web, "23027", "Testzwemclub");
        using (await PostAsync("propose", new() { ["activityId"] = activity.ToString(System.Globalization.CultureInfo.InvariantCulture) })) { }
        var enrolment = await EnrolmentAsync(activity);
        using var response = await PostAsync("status", new()
        {
            ["enrolmentId"] = enrolment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = "1", ["status"] = "gestart", ["reason"] = "", ["hours"] = "2,5",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await EnrolmentAsync(activity);
        Assert.Equal((EnrolmentStatus.Gestart, 2.5, 2), (stored.Status, stored.Hours!.Value, stored.Version));

        var html = WebUtility.HtmlDecode(await _client.GetPageAsync(Page));
        var account = _web.Account(Role.MunicipalCaseWorker, "23027");
        Assert.Contains($"({account.Email})", html, StringComparison.Ordinal);
        Assert.DoesNotContain("user:", html, StringComparison.Ordinal);
        var brussels = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(stored.StatusAt, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels"));
        Assert.Contains(brussels.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains("2,5", html, StringComparison.Ordinal);
        Assert.Contains("name=\"version\" value=\"2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleFormIsRefusedWithAClearMessageAndTheOtherChangeIsKept()
    {
        var activity = await AddActivityAsync(_web, "23027", "Testzwemclub");
        using (await PostAsync("propose", new() { ["activityId"] = activity.ToString(System.Globalization.CultureInfo.InvariantCulture) })) { }
        var id = (await EnrolmentAsync(activity)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var first = await PostAsync("status", new() { ["enrolmentId"] = id, ["version"] = "1", ["status"] = "aangemeld" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var stale = await PostAsync("status", new() { ["enrolmentId"] = id, ["version"] = "1", ["status"] = "niet gestart" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Iemand anders heeft deze inschrijving intussen gewijzigd; bekijk de nieuwe toestand en probeer opnieuw.", html, StringComparison.Ordinal);
        Assert.Equal((EnrolmentStatus.Aangemeld, 2), ((await EnrolmentAsync(activity)).Status, (await EnrolmentAsync(activity)).Version));
    }

    [Fact]
    public async Task GestoptWithoutAReasonOnThePageIsRefusedWithTheRule()
    {
        var activity = await AddActivityAsync(_web, "23027", "Testzwemclub");
        using (await PostAsync("propose", new() { ["activityId"] = activity.ToString(System.Globalization.CultureInfo.InvariantCulture) })) { }
        var id = (await EnrolmentAsync(activity)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var refused = await PostAsync("status", new() { ["enrolmentId"] = id, ["version"] = "1", ["status"] = "gestopt", ["reason"] = "" });
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Contains("vraagt een reden", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var hours = await PostAsync("status", new() { ["enrolmentId"] = id, ["version"] = "1", ["status"] = "aangemeld", ["hours"] = "3" });
        Assert.Equal((HttpStatusCode)422, hours.StatusCode);
        Assert.Equal(EnrolmentStatus.Voorgesteld, (await EnrolmentAsync(activity)).Status);
    }

    [Fact]
    public async Task AContactAttemptIsLoggedNewestFirstWithoutItsNoteInTheAudit()
    {
        var before = await AuditHeadAsync(_web);
        using (var first = await PostAsync("contact", new() { ["outcome"] = "niet bereikt", ["note"] = "" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using (var second = await PostAsync("contact", new() { ["outcome"] = "tolk nodig", ["note"] = "Tolk Tigrinya vragen" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        var html = await _client.GetPageAsync(Page);
        var newest = html.IndexOf("Tolk Tigrinya vragen", StringComparison.Ordinal);
        var older = html.IndexOf("<td>niet bereikt</td>", StringComparison.Ordinal);
        Assert.True(newest > 0 && older > newest, "the newest attempt comes first");
        Assert.Contains("gevoelige gegevens", html, StringComparison.Ordinal);
        var entries = await AuditSinceAsync(_web, before);
        Assert.Equal(2, entries.Count(e => e.Action == "contact.add"));
        Assert.DoesNotContain(entries, e => (e.Detail ?? "").Contains("Tigrinya", StringComparison.Ordinal));

        using var unknown = await PostAsync("contact", new() { ["outcome"] = "boos", ["note"] = "" });
        Assert.Equal((HttpStatusCode)422, unknown.StatusCode);
    }

    [Fact]
    public async Task AssignedToMeTheNewcomerIsUnderMijnInburgeraarsAndLeavesItWhenAssignedToAColleague()
    {
        var colleague = await AddCaseWorkerAsync(_web, "23027", "Collega Toeleider", "collega.halle@demo.invalid");
        using (var mine = await PostAsync("assign", new() { ["to"] = "mij" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        }

        var list = await _client.GetPageAsync("/gemeenten/23027/inburgeraars?mijn=1");
        Assert.Equal([_newcomer.Id], Rows(list, "23027").Select(r => r.Id));
        Assert.Contains("aria-current=\"page\">Mijn inburgeraars", list, StringComparison.Ordinal);

        var page = await _client.GetPageAsync(Page);
        Assert.Contains($"<option value=\"{colleague}\">Collega Toeleider (collega.halle@demo.invalid)</option>", page, StringComparison.Ordinal);
        using (var moved = await PostAsync("assign", new() { ["to"] = colleague }))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        Assert.Empty(Rows(await _client.GetPageAsync("/gemeenten/23027/inburgeraars?mijn=1"), "23027"));
        Assert.Contains("Collega Toeleider", await _client.GetPageAsync(Page), StringComparison.Ordinal);

        var outsider = await UserIdAsync(_web, Role.MunicipalCaseWorker, "23088");
        using var refused = await PostAsync("assign", new() { ["to"] = outsider });
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        using (var cleared = await PostAsync("assign", new() { ["to"] = "niemand" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        }

        await using var db = _web.Database.Open();
        Assert.False(await db.NewcomerAssignments.AnyAsync());
    }

    [Fact]
    public async Task PhoneAndEMailAreTelAndMailtoLinks()
    {
        var html = WebUtility.HtmlDecode(await _client.GetPageAsync(Page));
        Assert.Contains($"href=\"tel:{_newcomer.Phone}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"mailto:{_newcomer.Email}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostWithoutAKnownHandlerIsABadRequest()
    {
        using var response = await _client.PostFormAsync(Page, new Dictionary<string, string>(), Page);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
