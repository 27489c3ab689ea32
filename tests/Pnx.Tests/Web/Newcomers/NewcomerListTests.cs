using System.Net;
using System.Text.RegularExpressions;
using Pnx.Access;
using Pnx.Newcomers;
using Pnx.Tests.Infrastructure;
using static Pnx.Tests.Web.Newcomers.WorkspaceWorld;

namespace Pnx.Tests.Web.Newcomers;

public sealed class NewcomerListTests : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task ListShowsOnlyTheOwnMunicipalitysCurrentNewcomers()
    {
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var html = await client.GetPageAsync("/gemeenten/23027/inburgeraars");
        var own = (await CurrentAsync(_web, "23027")).ToDictionary(n => n.Id);
        var rows = Rows(html, "23027");
        Assert.Equal(50, rows.Count);
        Assert.All(rows, r => Assert.Equal(own[r.Id].DossierNumber, r.Dossier));
        Assert.DoesNotContain("/gemeenten/23088/inburgeraars/", html, StringComparison.Ordinal);
        Assert.Contains($"{own.Count} inburgeraars", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseWorkerAskingForAnotherMunicipalitysListGets404AndTheRefusalIsAudited()
    {
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var before = await AuditHeadAsync(_web);
        using var response = await client.GetAsync("/gemeenten/23088/inburgeraars");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var entries = await AuditSinceAsync(_web, before);
        var denied = Assert.Single(entries);
        Assert.Equal("access.denied", denied.Action);
        Assert.Equal("23088", denied.Municipality);
    }

    [Fact]
    public async Task OfferManagerGets404OnTheListButSeesTheDashboardWithoutNames()
    {
        using var client = await _web.SignInAsync(Role.MunicipalOfferManager, "23027");
        using var list = await client.GetAsync("/gemeenten/23027/inburgeraars");
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);

        var before = await AuditHeadAsync(_web);
        var html = await client.GetPageAsync("/gemeenten/23027");
        var current = await CurrentAsync(_web, "23027");
        Assert.Contains($"{current.Count}</span>", html, StringComparison.Ordinal);
        Assert.Contains("<caption id=\"tabel-niveau\">Niveau Nederlands</caption>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(current[0].DossierNumber, html, StringComparison.Ordinal);
        Assert.DoesNotContain(WebUtility.HtmlEncode(current[0].FamilyName!), html, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditSinceAsync(_web, before));
        Assert.Equal("dashboard.view", entry.Action);
        Assert.Equal("[]", entry.Subjects);
    }

    [Fact]
    public async Task DashboardCountsEachDutchLevel()
    {
        using var client = await _web.SignInAsync(Role.MunicipalOfferManager, "23027");
        var html = await client.GetPageAsync("/gemeenten/23027");
        var b1 = (await CurrentAsync(_web, "23027")).Count(n => n.DutchLevel == DutchLevel.B1);
        Assert.Matches($"<th scope=\"row\">B1</th>\\s*<td class=\"num\">{b1}</td>", html);
    }

    [Fact]
    public async Task FiltersAndPagingGiveTheRightCounts()
    {
        var current = await CurrentAsync(_web, "23027");
        var filteredA2 = current.Count(n => n.DutchLevel == DutchLevel.A2 && (n.Interests & (InterestsAndNeeds.Buddy | InterestsAndNeeds.Volunteering)) != 0);
        Assert.InRange(filteredA2, 1, current.Count - 1);
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var html = await client.GetPageAsync("/gemeenten/23027/inburgeraars?niveau=A2&belang=1&belang=8");
        Assert.Contains($"{filteredA2} inburgeraar", html, StringComparison.Ordinal);
        Assert.Equal(Math.Min(50, filteredA2), Rows(html, "23027").Count);
        Assert.Contains("Actieve filters", html, StringComparison.Ordinal);
        // The filter form shows what was chosen, and only that (written by Razor itself: no tag helper renders these).
        Assert.Matches("<option value=\"A2\" selected=\"selected\">A2</option>", html);
        Assert.Matches("<option value=\"dossier\" selected=\"selected\">", html);
        Assert.Equal(2, Regex.Count(html, "<option[^>]* selected"));
        Assert.Equal(2, Regex.Count(html, "name=\"belang\" value=\"(1|8)\" checked=\"checked\""));

        var pages = (current.Count + 49) / 50;
        var last = await client.GetPageAsync($"/gemeenten/23027/inburgeraars?sorteer=niveau&pagina={pages}");
        Assert.Equal(current.Count - (50 * (pages - 1)), Rows(last, "23027").Count);
        var all = new HashSet<long>();
        for (var page = 1; page <= pages; page++)
        {
            foreach (var row in Rows(await client.GetPageAsync($"/gemeenten/23027/inburgeraars?sorteer=naam&pagina={page}"), "23027")) all.Add(row.Id);
        }

        Assert.Equal(current.Select(n => n.Id).ToHashSet(), all);
    }

    [Fact]
    public async Task EachListViewAppendsOneEntryWhoseSubjectsAreExactlyTheDossiersShown()
    {
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var before = await AuditHeadAsync(_web);
        var html = await client.GetPageAsync("/gemeenten/23027/inburgeraars?mo=lopend&pagina=2");
        var entry = Assert.Single(await AuditSinceAsync(_web, before));
        Assert.Equal("newcomer.list", entry.Action);
        Assert.Equal("23027", entry.Municipality);
        Assert.Equal(Rows(html, "23027").Select(r => r.Dossier).Order(StringComparer.Ordinal),
            Pnx.Audit.AuditHash.ParseSubjects(entry.Subjects).Order(StringComparer.Ordinal));
    }
}
