using System.Net;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Administration;

public sealed class AccessAdministrationTests : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task NewUserGetsAnActivationLinkShownOnceAndFourEyesGrantBecomesActiveOnlyAfterASecondAdministrator()
    {
        using var admin1 = await _web.SignInAsync(Role.AgencyAccessAdministrator);
        using var created = await admin1.PostFormAsync("/agentschap/toegang/gebruikers",
            new Dictionary<string, string> { ["Email"] = "nieuw.toeleider@halle.invalid", ["Name"] = "Nieuwe toeleider" },
            "/agentschap/toegang/gebruikers?handler=Add");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("/activeren/", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("/activeren/", await admin1.GetPageAsync("/agentschap/toegang/gebruikers"), StringComparison.Ordinal);

        var userId = await _web.UserIdAsync("nieuw.toeleider@halle.invalid");
        var profile = await _web.ProfileIdAsync("23027", "Integratieambtenaar");
        var requested = await admin1.PostAndFollowAsync(AdminWeb.Grants, "Request",
            new Dictionary<string, string> { ["userId"] = userId, ["scope"] = $"profile:{profile}" });
        Assert.Contains("is aangevraagd", requested, StringComparison.Ordinal);
        var grantId = await _web.QueryAsync(db => db.Grants.Where(g => g.UserId == userId).Select(g => g.Id).SingleAsync());
        Assert.False(AdminWeb.HasApproveButtonFor(requested, grantId));

        var forced = await admin1.PostAndFollowAsync(AdminWeb.Grants, "Approve", new Dictionary<string, string> { ["grantId"] = $"{grantId}" });
        Assert.Contains("Geweigerd door SOD-5: wie goedkeurt is niet wie aanvroeg", forced, StringComparison.Ordinal);
        Assert.Empty(await _web.QueryAsync(db => AccessQueries.ActiveGrantsAsync(db, userId, DateTimeOffset.UtcNow)));

        using var admin2 = _web.NewClient();
        await admin2.SignInAsync(_web.Accounts.Where(a => a.Role == Role.AgencyAccessAdministrator).Skip(1).First());
        Assert.True(AdminWeb.HasApproveButtonFor(await admin2.GetPageAsync(AdminWeb.Grants), grantId));
        var approved = await admin2.PostAndFollowAsync(AdminWeb.Grants, "Approve", new Dictionary<string, string> { ["grantId"] = $"{grantId}" });
        Assert.Contains("is goedgekeurd", approved, StringComparison.Ordinal);
        var active = await _web.QueryAsync(db => AccessQueries.ActiveGrantsAsync(db, userId, DateTimeOffset.UtcNow));
        Assert.Equal(new ActiveGrant(Role.MunicipalCaseWorker, "23027"), Assert.Single(active));
    }

    [Fact]
    public async Task ADpoProfileForACaseWorkerOfTheSameMunicipalityIsRefusedBySod3InDutch()
    {
        using var admin = await _web.SignInAsync(Role.AgencyAccessAdministrator);
        var caseWorker = await _web.UserIdAsync(_web.Account(Role.MunicipalCaseWorker, "23027").Email);
        var dpoProfile = await _web.ProfileIdAsync("23027", "Functionaris gegevensbescherming");
        var html = await admin.PostAndFollowAsync(AdminWeb.Grants, "Request",
            new Dictionary<string, string> { ["userId"] = caseWorker, ["scope"] = $"profile:{dpoProfile}" });
        Assert.Contains("Geweigerd door SOD-3: de rol van functionaris gegevensbescherming wordt niet gecombineerd met toeleiding in dezelfde gemeente", html, StringComparison.Ordinal);
        Assert.False(await _web.QueryAsync(db => db.Grants.AnyAsync(g => g.UserId == caseWorker && g.Role == Role.MunicipalDpo)));
    }

    [Fact]
    public async Task TheRecertificationPageListsAGrantLapsingWithinThirtyDaysAndRecertifyingExtendsIt()
    {
        var caseWorker = await _web.UserIdAsync(_web.Account(Role.MunicipalCaseWorker, "23088").Email);
        var soon = DateTime.UtcNow.AddDays(10);
        var grantId = await _web.QueryAsync(async db =>
        {
            var grant = await db.Grants.SingleAsync(g => g.UserId == caseWorker && g.RevokedAt == null);
            await db.Grants.Where(g => g.Id == grant.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAt, soon));
            return grant.Id;
        });

        using var admin = await _web.SignInAsync(Role.AgencyAccessAdministrator);
        var page = await admin.GetPageAsync("/agentschap/toegang/hercertificering");
        Assert.Contains($"name=\"grantId\" value=\"{grantId}\"", page, StringComparison.Ordinal);
        Assert.Contains(_web.Account(Role.MunicipalCaseWorker, "23088").Email, page, StringComparison.Ordinal);
        Assert.DoesNotContain(_web.Account(Role.MunicipalCaseWorker, "23027").Email, page, StringComparison.Ordinal);

        var after = await admin.PostAndFollowAsync("/agentschap/toegang/hercertificering", "", new Dictionary<string, string> { ["grantId"] = $"{grantId}" });
        Assert.Contains("is gehercertificeerd", after, StringComparison.Ordinal);
        var expires = await _web.QueryAsync(db => db.Grants.Where(g => g.Id == grantId).Select(g => g.ExpiresAt).SingleAsync());
        Assert.True(expires > DateTime.UtcNow.AddMonths(11));
    }

    [Fact]
    public async Task FunctionProfilesCanBeAddedAndExportedAsCsvWithHeaderAndRows()
    {
        using var admin = await _web.SignInAsync(Role.AgencyAccessAdministrator);
        var page = await admin.PostAndFollowAsync("/agentschap/toegang/functieprofielen?gemeente=23027", "",
            new Dictionary<string, string> { ["name"] = "Stafmedewerker diversiteit", ["role"] = "municipal-offer-manager" });
        Assert.Contains("Het functieprofiel is toegevoegd.", page, StringComparison.Ordinal);

        using var export = await admin.GetAsync("/agentschap/toegang/functieprofielen?handler=Export&gemeente=23027");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Gemeente;Functieprofiel;Rol;Actieve toegangen", lines[0]);
        Assert.Contains("23027;Integratieambtenaar;municipal-case-worker;1", lines);
        Assert.Contains("23027;Stafmedewerker diversiteit;municipal-offer-manager;0", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("23088", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACaseWorkerIsRefusedAccessAdministrationWith403()
    {
        using var caseWorker = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        foreach (var path in new[] { "/agentschap/toegang", AdminWeb.Grants, "/agentschap/toegang/gebruikers" })
        {
            using var response = await caseWorker.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task TheOverviewCountsPendingRequests()
    {
        using var admin = await _web.SignInAsync(Role.AgencyAccessAdministrator);
        var steward = await _web.UserIdAsync(_web.Account(Role.AgencyDataSteward).Email);
        await admin.PostAndFollowAsync(AdminWeb.Grants, "Request",
            new Dictionary<string, string> { ["userId"] = steward, ["scope"] = "role:agency-trajectory-counsellor" });
        var overview = await admin.GetPageAsync("/agentschap/toegang");
        Assert.Contains("<dt>Wachten op goedkeuring</dt><dd>1</dd>", overview, StringComparison.Ordinal);
        Assert.Contains(_web.Account(Role.AgencyDataSteward).Email, overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APendingGrantShowsWhoRequestedItByNameAndEmail()
    {
        using var admin = await _web.SignInAsync(Role.AgencyAccessAdministrator);
        var steward = await _web.UserIdAsync(_web.Account(Role.AgencyDataSteward).Email);
        await admin.PostAndFollowAsync(AdminWeb.Grants, "Request",
            new Dictionary<string, string> { ["userId"] = steward, ["scope"] = "role:agency-trajectory-counsellor" });
        var requester = _web.Account(Role.AgencyAccessAdministrator);
        var requesterName = await _web.QueryAsync(db => db.Users.Where(u => u.Email == requester.Email).Select(u => u.DisplayName).SingleAsync());
        foreach (var page in new[] { AdminWeb.Grants, "/agentschap/toegang" })
        {
            var html = await admin.GetPageAsync(page);
            var row = PendingRow(html, "Trajectbegeleider (Agentschap)");
            Assert.Contains(requesterName, row, StringComparison.Ordinal);
            Assert.Contains(requester.Email, row, StringComparison.Ordinal);
            Assert.Contains("Demo data steward", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ProfilesAreLabelledWithTheirMunicipalityAndNoLabelRepeatsItself()
    {
        using var admin = await _web.SignInAsync(Role.AgencyAccessAdministrator);
        var html = await admin.GetPageAsync(AdminWeb.Grants);
        // The demo's DPO profile is named after its role: said once, with its municipality.
        Assert.Contains(">Functionaris gegevensbescherming (23027 Halle)<", html, StringComparison.Ordinal);
        Assert.Contains(">Functionaris gegevensbescherming (23088 Vilvoorde)<", html, StringComparison.Ordinal);
        Assert.Contains(">Integratieambtenaar (Toeleider, 23027 Halle)<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Functionaris gegevensbescherming (Functionaris gegevensbescherming)", html, StringComparison.Ordinal);
        var options = System.Text.RegularExpressions.Regex.Matches(html, "<option value=\"profile:[0-9]+\">([^<]+)</option>").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(options);
        Assert.Equal(options.Count, options.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task AnAdministratorCannotDisableTheirOwnAccountTheRuleRefusesItAndThePageOffersNoButton()
    {
        var me = _web.Account(Role.AgencyAccessAdministrator);
        var myId = await _web.UserIdAsync(me.Email);
        using var admin = await _web.SignInAsync(Role.AgencyAccessAdministrator);
        var users = await admin.GetPageAsync("/agentschap/toegang/gebruikers");
        Assert.DoesNotContain($"name=\"userId\" value=\"{myId}\"", users, StringComparison.Ordinal);
        Assert.Contains("uw eigen account", users, StringComparison.Ordinal);
        var other = await _web.UserIdAsync(_web.Account(Role.AgencyDataSteward).Email);
        Assert.Contains($"name=\"userId\" value=\"{other}\"", users, StringComparison.Ordinal);

        // Posted anyway (a crafted form): the rule in UserAccounts.DisableAsync refuses it, in Dutch.
        var refused = await admin.PostAndFollowAsync("/agentschap/toegang/gebruikers", "Disable", new Dictionary<string, string> { ["userId"] = myId });
        Assert.Contains("Geweigerd: een beheerder schakelt zijn eigen account niet uit.", refused, StringComparison.Ordinal);
        Assert.Null(await _web.QueryAsync(db => db.Users.Where(u => u.Id == myId).Select(u => u.DisabledAt).SingleAsync()));
        Assert.Equal(0, await _web.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "user.disable")));
    }

    /// <summary>The table row of the pending grant whose scope reads <paramref name="scope"/>.</summary>
    private static string PendingRow(string html, string scope)
    {
        var rows = System.Text.RegularExpressions.Regex.Matches(html, "<tr>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value).Where(r => r.Contains("<td>" + scope + "</td>", StringComparison.Ordinal) && r.Contains("aangevraagd", StringComparison.Ordinal)).ToList();
        return Assert.Single(rows);
    }
}
