using System.Net;
using System.Text.RegularExpressions;
using Pnx.Access;
using Pnx.Audit;
using Pnx.Tests.Infrastructure;
using static Pnx.Tests.Web.Newcomers.CaseWorkWorld;
using static Pnx.Tests.Web.Newcomers.WorkspaceWorld;

namespace Pnx.Tests.Web.Newcomers;

/// <summary>An activity's candidates: this municipality's newcomers who fit best, audited with the dossiers shown.</summary>
public sealed partial class ActivityCandidatesTests : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task TheCandidatesOfAnActivityAreTheOwnNewcomersWhoFitAndTheViewIsAuditedWithTheDossiersShown()
    {
        var activity = await AddActivityAsync(_web, "23027", "Testbuddy", a => a.MinimumDutchLevel = Pnx.Newcomers.DutchLevel.A2);
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var before = await AuditHeadAsync(_web);
        var html = await client.GetPageAsync($"/gemeenten/23027/aanbod/{activity}/kandidaten");
        var shown = CandidateLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var own = (await CurrentAsync(_web, "23027")).ToDictionary(n => n.DossierNumber);
        Assert.NotEmpty(shown);
        Assert.True(shown.Count <= 50);
        Assert.All(shown, dossier => Assert.True(own[dossier].DutchLevel >= Pnx.Newcomers.DutchLevel.A2, dossier + " is below the activity's level"));
        var entry = Assert.Single(await AuditSinceAsync(_web, before));
        Assert.Equal("matching.candidates", entry.Action);
        Assert.Equal(shown, AuditHash.ParseSubjects(entry.Subjects));
    }

    [Fact]
    public async Task AnotherMunicipalitysActivityUnderOnesOwnRouteAnswers404()
    {
        var foreign = await AddActivityAsync(_web, "23088", "Vilvoordse club");
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        using var response = await client.GetAsync($"/gemeenten/23027/aanbod/{foreign}/kandidaten");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("<a href=\"/gemeenten/23027/inburgeraars/\\d+\\?aanbod=alle#aanbod\">([^<]+)</a>")]
    private static partial Regex CandidateLink();
}
