using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Pnx.Tests.Api;

/// <summary>Every API route: anonymous 401, wrong scope 403/404, another municipality 404, with polluted parameters too.</summary>
public sealed class ApiAccessTests
{
    private static readonly string[] PollutedNames = ["nis", "Nis", "municipality", "municipalityId", "gemeente", "nisCode"];

    private static IEnumerable<(string Method, string Path, bool Agency, bool Municipal)> Routes(string nis) =>
    [
        ("POST", $"/api/v1/municipalities/{nis}/newcomers", true, false),
        ("POST", $"/api/v1/municipalities/{nis}/withdrawals", true, false),
        ("GET", "/api/v1/status-changes", true, false),
        ("GET", $"/api/v1/municipalities/{nis}/activities", false, true),
        ("GET", $"/api/v1/municipalities/{nis}/matches?dossierNumber=X", false, true),
        ("POST", $"/api/v1/municipalities/{nis}/enrolments", false, true),
        ("GET", $"/api/v1/municipalities/{nis}/enrolments/1", false, true),
        ("POST", $"/api/v1/municipalities/{nis}/enrolments/1/status", false, true),
    ];

    [Fact]
    public async Task EveryRouteAnswers401ToAnAnonymousCallerWithProblemDetails()
    {
        await using var world = await ApiWorld.StartAsync();
        using var anonymous = world.NewHttp();
        foreach (var (method, path, _, _) in Routes(ApiWorld.Halle))
        {
            using var response = await SendAsync(anonymous, method, path, "{}");
            await ApiWorld.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AClientOutsideARoutesScopeGets403Or404AndTheRefusalIsAuditedWithTheClientAsActor()
    {
        await using var world = await ApiWorld.StartAsync();
        var agencyClient = await world.RegisterAsync(null);
        using var agency = world.Bearer(await world.TokenAsync(agencyClient));
        using var municipal = await world.ClientAsync(ApiWorld.Halle);
        foreach (var (method, path, forAgency, forMunicipal) in Routes(ApiWorld.Halle))
        {
            var expected = path.Contains("/municipalities/", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
            if (!forAgency)
            {
                using var response = await SendAsync(agency, method, path, "{}");
                await ApiWorld.AssertProblemAsync(response, expected);
            }

            if (!forMunicipal)
            {
                using var response = await SendAsync(municipal, method, path, "{}");
                await ApiWorld.AssertProblemAsync(response, expected);
            }
        }

        await using var db = world.Web.Database.Open();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "access.denied" && e.Actor == "client:" + agencyClient.ClientId));
    }

    [Fact]
    public async Task AMunicipalClientGetsNothingOfAnotherMunicipalityEvenWithPollutedParameters()
    {
        await using var world = await ApiWorld.StartAsync();
        await world.AddActivityAsync(ApiWorld.Vilvoorde, "Sentinel of Vilvoorde");
        var otherDossier = await world.DossierAsync(ApiWorld.Vilvoorde);
        using var municipal = await world.ClientAsync(ApiWorld.Halle);
        var query = string.Join("&", PollutedNames.Select(n => $"{n}={ApiWorld.Vilvoorde}"));
        foreach (var (method, path, _, forMunicipal) in Routes(ApiWorld.Vilvoorde).Where(r => r.Municipal))
        {
            using var response = await SendAsync(municipal, method, path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query, "{}");
            await ApiWorld.AssertProblemAsync(response, HttpStatusCode.NotFound);
        }

        // Under its own route, polluted query and body never switch the workspace.
        var body = "{\"dossierNumber\":\"" + otherDossier + "\",\"activityId\":1,\"nis\":\"" + ApiWorld.Vilvoorde + "\"}";
        using (var activities = await municipal.GetAsync(new Uri($"/api/v1/municipalities/{ApiWorld.Halle}/activities?{query}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, activities.StatusCode);
            Assert.DoesNotContain("Sentinel of Vilvoorde", await activities.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var matches = await municipal.GetAsync(new Uri($"/api/v1/municipalities/{ApiWorld.Halle}/matches?dossierNumber={otherDossier}&{query}", UriKind.Relative)))
            await ApiWorld.AssertProblemAsync(matches, HttpStatusCode.NotFound);
        using (var enrol = await SendAsync(municipal, "POST", $"/api/v1/municipalities/{ApiWorld.Halle}/enrolments?{query}", body))
            await ApiWorld.AssertProblemAsync(enrol, HttpStatusCode.BadRequest); // "nis" is not a member of the request
        using (var enrol = await SendAsync(municipal, "POST", $"/api/v1/municipalities/{ApiWorld.Halle}/enrolments?{query}",
                   "{\"dossierNumber\":\"" + otherDossier + "\",\"activityId\":1}"))
            await ApiWorld.AssertProblemAsync(enrol, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AClientOfAMunicipalityWithoutAnActiveProtocolGetsNothingAndPushesThereAreRefusedWith409()
    {
        await using var world = await ApiWorld.StartAsync();
        using var municipal = await world.ClientAsync(ApiWorld.WithoutProtocol);
        using var activities = await municipal.GetAsync(new Uri($"/api/v1/municipalities/{ApiWorld.WithoutProtocol}/activities", UriKind.Relative));
        await ApiWorld.AssertProblemAsync(activities, HttpStatusCode.NotFound);

        using var agency = await world.ClientAsync(null);
        using var push = await agency.PostAsync(new Uri($"/api/v1/municipalities/{ApiWorld.WithoutProtocol}/newcomers", UriKind.Relative),
            ApiWorld.Json(new { mode = "upsert", newcomers = new[] { new { dossierNumber = "D-1", familyName = "Peeters", givenNames = "An" } } }));
        await ApiWorld.AssertProblemAsync(push, HttpStatusCode.Conflict);
        using var unknown = await agency.PostAsync(new Uri("/api/v1/municipalities/99999/newcomers", UriKind.Relative), ApiWorld.Json("{}"));
        await ApiWorld.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheApiIsDescribedAndReadableWithoutSignIn()
    {
        await using var world = await ApiWorld.StartAsync();
        using var http = world.NewHttp();
        using var document = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var json = await document.Content.ReadAsStringAsync();
        foreach (var path in new[] { "/api/v1/token", "/api/v1/municipalities/{nis}/newcomers", "/api/v1/municipalities/{nis}/withdrawals", "/api/v1/status-changes",
                     "/api/v1/municipalities/{nis}/activities", "/api/v1/municipalities/{nis}/matches", "/api/v1/municipalities/{nis}/enrolments",
                     "/api/v1/municipalities/{nis}/enrolments/{id}", "/api/v1/municipalities/{nis}/enrolments/{id}/status" })
        {
            Assert.Contains("\"" + path + "\"", json, StringComparison.Ordinal);
        }

        Assert.Contains("\"bearer\"", json, StringComparison.Ordinal);
        using var page = await http.GetAsync(new Uri("/api", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/api/v1/status-changes", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, string method, string path, string json)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = ApiWorld.Json(json);
        return await http.SendAsync(request);
    }
}
