using System.Net;
using System.Text.RegularExpressions;
using Pnx.Access;
using Pnx.Newcomers;
using Pnx.Tests.Infrastructure;
using static Pnx.Tests.Web.Newcomers.WorkspaceWorld;

namespace Pnx.Tests.Web.Newcomers;

/// <summary>Search by Post/Redirect/Get with an opaque key, and the list's state kept on the way to a person and back.</summary>
public sealed partial class NewcomerSearchNavigationTests : IAsyncLifetime
{
    private const string List = "/gemeenten/23027/inburgeraars";
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    private static async Task<string> SearchAsync(Pnx.Tests.Infrastructure.WebClient client, string typed, string from = List)
    {
        using var response = await client.PostFormAsync(from, new Dictionary<string, string> { ["zoek"] = typed });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task AFullNameInEitherOrderIsPostedRedirectedToAnOpaqueKeyAndAuditedWithoutTheText()
    {
        var current = await CurrentAsync(_web, "23027");
        var target = current.OrderBy(n => n.Id).First(n => n.GivenNames!.Length >= 4 && n.FamilyName!.Length >= 4);
        var typed = $"{target.GivenNames} {target.FamilyName}".ToLowerInvariant();
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");

        var location = await SearchAsync(client, typed);
        Assert.Matches("^/gemeenten/23027/inburgeraars\\?zoek=[0-9a-f]{32}$", location);
        var before = await AuditHeadAsync(_web);
        var html = await client.GetPageAsync(location);
        var expected = current.Where(n => n.SearchName!.Contains(NewcomerSearch.Normalize(target.GivenNames!), StringComparison.Ordinal)
            && n.SearchName.Contains(NewcomerSearch.Normalize(target.FamilyName!), StringComparison.Ordinal)).Select(n => n.Id).Order();
        Assert.Equal(expected, Rows(html, "23027").Select(r => r.Id).Order());
        Assert.Contains($"value=\"{WebUtility.HtmlEncode(typed)}\"", html, StringComparison.Ordinal);
        // The search form posts with its own antiforgery token (a browser sends only that form's fields).
        Assert.Matches(new Regex("<form method=\"post\"[^>]*role=\"search\"[^>]*>(?:(?!</form>).)*name=\"__RequestVerificationToken\"", RegexOptions.Singleline), html);
        foreach (var url in Urls(html))
        {
            Assert.DoesNotContain(target.FamilyName!, url, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(target.GivenNames!, url, StringComparison.OrdinalIgnoreCase);
        }

        var entry = Assert.Single(await AuditSinceAsync(_web, before));
        Assert.Equal("newcomer.list", entry.Action);
        Assert.Contains("name search", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(target.FamilyName!, entry.Detail!, StringComparison.OrdinalIgnoreCase);

        // The other order finds the same people; reloading the redirected page shows the same list again.
        Assert.Equal(Rows(html, "23027"), Rows(await client.GetPageAsync(await SearchAsync(client, $"{target.FamilyName} {target.GivenNames}")), "23027"));
        Assert.Equal(Rows(html, "23027"), Rows(await client.GetPageAsync(location), "23027"));
    }

    [Fact]
    public async Task ADossierNumberFindsItsNewcomer()
    {
        var target = (await CurrentAsync(_web, "23027")).OrderBy(n => n.Id).Skip(7).First();
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var html = await client.GetPageAsync(await SearchAsync(client, target.DossierNumber.ToLowerInvariant()));
        Assert.Equal(target.Id, Assert.Single(Rows(html, "23027")).Id);
    }

    [Fact]
    public async Task AnotherUsersKeyShowsNeitherTheTextNorAnyRow()
    {
        var target = (await CurrentAsync(_web, "23027")).OrderBy(n => n.Id).First();
        using var owner = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var location = await SearchAsync(owner, target.FamilyName!);
        var key = location[(location.IndexOf("zoek=", StringComparison.Ordinal) + 5)..];

        using var other = await _web.SignInAsync(Role.MunicipalCaseWorker, "23088");
        var before = await AuditHeadAsync(_web);
        var html = await other.GetPageAsync("/gemeenten/23088/inburgeraars?zoek=" + key);
        Assert.Empty(Rows(html, "23088"));
        Assert.DoesNotContain(WebUtility.HtmlEncode(target.FamilyName!), html, StringComparison.Ordinal);
        Assert.Contains("Deze zoekopdracht is verlopen of hoort niet bij uw aanmelding", html, StringComparison.Ordinal);
        Assert.Empty(await AuditSinceAsync(_web, before));
    }

    [Fact]
    public async Task FiltersSortAndPageTravelWithThePersonAndTerugNaarDeLijstReturnsToExactlyThatList()
    {
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var searched = await SearchAsync(client, "a", List + "?niveau=A2&sorteer=naam&pagina=3");
        var key = Regex.Match(searched, "zoek=([0-9a-f]{32})").Groups[1].Value;
        var list = $"{List}?niveau=A2&zoek={key}&sorteer=naam";
        Assert.Equal(list, searched);
        var html = await client.GetPageAsync(list);
        var link = DetailLink().Match(html);
        Assert.True(link.Success, "no detail link on the list");
        var detailUrl = WebUtility.HtmlDecode(link.Groups[1].Value);
        Assert.Equal(list, Uri.UnescapeDataString(detailUrl[(detailUrl.IndexOf("?terug=", StringComparison.Ordinal) + 7)..]));

        var detail = await client.GetPageAsync(detailUrl);
        Assert.Equal(list, BackLink(detail));
        // The way back survives a change on the person's page (Post/Redirect/Get keeps it in the redirect).
        Assert.Contains("?handler=contact&amp;terug=", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/gemeenten/23027/inburgeraars")]
    [InlineData("//evil.example/gemeenten/23027/inburgeraars")]
    [InlineData("/gemeenten/23088/inburgeraars?niveau=A2")]
    [InlineData("/gemeenten/23027/inburgeraarsX?niveau=A2")]
    [InlineData("/gemeenten/23027/inburgeraars/5")]
    public async Task ATerugThatIsNotAListOfThisWorkspaceLeadsToThePlainList(string terug)
    {
        var id = (await CurrentAsync(_web, "23027")).Min(n => n.Id);
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var detail = await client.GetPageAsync($"{List}/{id}?terug={Uri.EscapeDataString(terug)}");
        Assert.Equal(List, BackLink(detail));
    }

    [Fact]
    public async Task ThePageOfAPlainListTravelsToo()
    {
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var list = List + "?sorteer=naam&pagina=2";
        var detailUrl = WebUtility.HtmlDecode(DetailLink().Match(await client.GetPageAsync(list)).Groups[1].Value);
        Assert.Equal(list, BackLink(await client.GetPageAsync(detailUrl)));
    }

    [Fact]
    public async Task ATerugIsRebuiltFromTheClosedListsSoNothingElseTravels()
    {
        var id = (await CurrentAsync(_web, "23027")).Min(n => n.Id);
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var terug = List + "?naam=Iryna&niveau=B1&zoek=Oliinyk&mo=%3Cscript%3E&pagina=3";
        var detail = await client.GetPageAsync($"{List}/{id}?terug={Uri.EscapeDataString(terug)}");
        Assert.Equal(List + "?niveau=B1&pagina=3", BackLink(detail));
    }

    private static string BackLink(string html)
    {
        var match = BackLinkPattern().Match(html);
        Assert.True(match.Success, "no \"Terug naar de lijst\" link");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static IEnumerable<string> Urls(string html) =>
        Regex.Matches(html, "(?:href|action)=\"([^\"]*)\"").Select(m => Uri.UnescapeDataString(WebUtility.HtmlDecode(m.Groups[1].Value)));

    [GeneratedRegex("<a href=\"([^\"]+)\">← Terug naar de lijst</a>")]
    private static partial Regex BackLinkPattern();

    [GeneratedRegex("<a href=\"(/gemeenten/23027/inburgeraars/\\d+\\?terug=[^\"]+)\">")]
    private static partial Regex DetailLink();
}
