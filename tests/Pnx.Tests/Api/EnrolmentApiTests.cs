using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace Pnx.Tests.Api;

public sealed class EnrolmentApiTests
{
    private static string Base => $"/api/v1/municipalities/{ApiWorld.Halle}";

    [Fact]
    public async Task AMunicipalClientSeesItsOwnAndSharedActivitiesAndMatchesWithReasons()
    {
        await using var world = await ApiWorld.StartAsync();
        var own = await world.AddActivityAsync(ApiWorld.Halle, "Buddy in Halle");
        var shared = await world.AddActivityAsync(ApiWorld.Vilvoorde, "Zwemmen in Vilvoorde", ApiWorld.Halle);
        await world.AddActivityAsync(ApiWorld.Vilvoorde, "Only Vilvoorde");
        using var http = await world.ClientAsync(ApiWorld.Halle);

        var list = await ApiWorld.ReadAsync(await http.GetAsync(new Uri(Base + "/activities", UriKind.Relative)));
        var items = list["items"]!.AsArray();
        // The demo catalogue is there too: the two seeded here must be listed, and nothing of a third municipality.
        Assert.Subset(items.Select(i => (int)i!["id"]!).ToHashSet(), new HashSet<int> { own, shared });
        var sharedItem = items.Single(i => (int)i!["id"]! == shared)!;
        Assert.Equal(ApiWorld.Vilvoorde, (string?)sharedItem["municipality"]);
        Assert.Equal(ApiWorld.Halle, (string?)sharedItem["sharedWith"]![0]);
        Assert.Contains("buddy", sharedItem["categories"]!.AsArray().Select(c => (string?)c), StringComparer.Ordinal);

        var dossier = await world.DossierAsync(ApiWorld.Halle);
        using var response = await http.GetAsync(new Uri($"{Base}/matches?dossierNumber={dossier}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var matches = (await ApiWorld.ReadAsync(response))["items"]!.AsArray();
        Assert.All(matches, m => Assert.NotEmpty(m!["reasons"]!.AsArray()));
        Assert.True(matches.Select(m => (int)m!["score"]!).SequenceEqual(matches.Select(m => (int)m!["score"]!).OrderDescending()), "best first");
        await using var db = world.Web.Database.Open();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "api.matches.read" && e.Subjects.Contains(dossier)));
    }

    [Fact]
    public async Task AnEnrolmentIsCreatedWithAnETagAndMovesOnlyWithAFreshIfMatch()
    {
        await using var world = await ApiWorld.StartAsync();
        var activity = await world.AddActivityAsync(ApiWorld.Halle, "Buddy in Halle");
        var dossier = await world.DossierAsync(ApiWorld.Halle);
        using var http = await world.ClientAsync(ApiWorld.Halle);

        using var created = await http.PostAsync(new Uri(Base + "/enrolments", UriKind.Relative), ApiWorld.Json(new { dossierNumber = dossier, activityId = activity }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var etag = created.Headers.ETag!.Tag;
        var enrolment = await ApiWorld.ReadAsync(created);
        Assert.Equal("voorgesteld", (string?)enrolment["status"]);
        var path = $"{Base}/enrolments/{(long)enrolment["id"]!}";
        Assert.EndsWith(path, created.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using (var read = await http.GetAsync(new Uri(path, UriKind.Relative)))
            Assert.Equal(etag, read.Headers.ETag!.Tag);

        using (var missing = await ChangeAsync(http, path, null, new { status = "aangemeld" }))
            await ApiWorld.AssertProblemAsync(missing, (HttpStatusCode)428);

        using var moved = await ChangeAsync(http, path, etag, new { status = "aangemeld" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var next = moved.Headers.ETag!.Tag;
        Assert.NotEqual(etag, next);

        using (var stale = await ChangeAsync(http, path, etag, new { status = "gestart" }))
            await ApiWorld.AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        using (var backwards = await ChangeAsync(http, path, next, new { status = "voorgesteld" }))
        {
            await ApiWorld.AssertProblemAsync(backwards, HttpStatusCode.UnprocessableEntity);
            Assert.False(string.IsNullOrEmpty((string?)(await ApiWorld.ReadAsync(backwards))["reason"]));
        }

        using (var noReason = await ChangeAsync(http, path, next, new { status = "gestopt" }))
            await ApiWorld.AssertProblemAsync(noReason, HttpStatusCode.UnprocessableEntity);
        using (var unknown = await ChangeAsync(http, path, next, new { status = "klaar" }))
            await ApiWorld.AssertProblemAsync(unknown, HttpStatusCode.BadRequest);
        using (var stopped = await ChangeAsync(http, path, next, new { status = "gestopt", reason = "werk", hours = 2.5 }))
            Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);

        await using var db = world.Web.Database.Open();
        var enrolmentId = long.Parse(path[(path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var changes = await db.EnrolmentStatusChanges.Where(c => c.EnrolmentId == enrolmentId).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(3, changes.Count);
        Assert.All(changes, c => Assert.StartsWith("client:", c.Actor, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoClientsRacingOnOneEnrolmentEndWithOneWinnerAndOne412()
    {
        await using var world = await ApiWorld.StartAsync();
        var activity = await world.AddActivityAsync(ApiWorld.Halle, "Buddy in Halle");
        var dossier = await world.DossierAsync(ApiWorld.Halle);
        using var first = await world.ClientAsync(ApiWorld.Halle);
        using var second = await world.ClientAsync(ApiWorld.Halle);
        using var created = await first.PostAsync(new Uri(Base + "/enrolments", UriKind.Relative), ApiWorld.Json(new { dossierNumber = dossier, activityId = activity }));
        var etag = created.Headers.ETag!.Tag;
        var path = $"{Base}/enrolments/{(long)(await ApiWorld.ReadAsync(created))["id"]!}";

        var racers = await Task.WhenAll(
            ChangeAsync(first, path, etag, new { status = "aangemeld" }),
            ChangeAsync(second, path, etag, new { status = "niet gestart" }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], racers.Select(r => r.StatusCode).Order().ToArray());
        foreach (var racer in racers) racer.Dispose();
        await using var db = world.Web.Database.Open();
        var enrolmentId = long.Parse(path[(path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, await db.EnrolmentStatusChanges.CountAsync(c => c.EnrolmentId == enrolmentId));
    }

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient http, string path, string? etag, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path + "/status") { Content = ApiWorld.Json(body) };
        if (etag is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return await http.SendAsync(request);
    }
}
