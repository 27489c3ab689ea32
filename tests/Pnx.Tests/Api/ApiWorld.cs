using Pnx.Access.Web;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pnx.Activities;
using Pnx.Api.Clients;
using Pnx.Hosting;
using Pnx.Municipalities;
using Pnx.Newcomers;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Api;

/// <summary>
/// The real host with the demo data (23027 Halle, 23088 Vilvoorde, 12025 Mechelen, all with active protocols),
/// plus 11002 Antwerpen without one; API clients registered through the same code as `pnx api-client add`,
/// tokens fetched over HTTP like any client would.
/// </summary>
public sealed class ApiWorld : IAsyncDisposable
{
    public const string Halle = "23027";
    public const string Vilvoorde = "23088";
    public const string WithoutProtocol = "11002";

    private ApiWorld(TestWeb web) => Web = web;

    public TestWeb Web { get; }

    public static async Task<ApiWorld> StartAsync(TestWeb? web = null)
    {
        web ??= await TestWeb.StartAsync(limits: new WebLimits(SignInsPerMinute: 1000, ReadsPerMinute: 100000));
        await using var db = web.Database.Open();
        if (!await db.Municipalities.AnyAsync(m => m.NisCode == WithoutProtocol))
        {
            db.Municipalities.Add(new Municipality { NisCode = WithoutProtocol, Name = "Antwerpen", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        return new ApiWorld(web);
    }

    public async Task<NewApiClient> RegisterAsync(string? nis, int? rateLimit = null, string name = "test client")
    {
        await using var db = Web.Database.Open();
        var (client, error) = await ApiClients.AddAsync(db, TimeProvider.System, name, nis, rateLimit, "test", CancellationToken.None);
        Assert.True(client is not null, error);
        return client;
    }

    public HttpClient NewHttp() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Web.BaseAddress };

    public async Task<string> TokenAsync(NewApiClient client)
    {
        using var http = NewHttp();
        using var response = await http.PostAsync(new Uri("/api/v1/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.ClientSecret,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>An HTTP client that sends a fresh token of a newly registered client of this scope (null: the agency).</summary>
    public async Task<HttpClient> ClientAsync(string? nis, int? rateLimit = null) => Bearer(await TokenAsync(await RegisterAsync(nis, rateLimit)));

    public HttpClient Bearer(string token)
    {
        var http = NewHttp();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async Task<int> AddActivityAsync(string nis, string title, params string[] sharedWith)
    {
        await using var db = Web.Database.Open();
        var owner = await db.Municipalities.SingleAsync(m => m.NisCode == nis);
        var activity = new Activity
        {
            MunicipalityId = owner.Id, Title = title, Organiser = "Vzw Test", Categories = InterestsAndNeeds.Buddy | InterestsAndNeeds.SportAndExercise,
            Free = true, Childcare = true, FamilyActivity = true, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = 1,
        };
        foreach (var partner in sharedWith)
        {
            activity.SharedWith.Add(new ActivityShare { MunicipalityId = await db.Municipalities.Where(m => m.NisCode == partner).Select(m => m.Id).SingleAsync() });
        }

        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return activity.Id;
    }

    /// <summary>A current newcomer of the municipality whose profile passes every activity's hard rules (level known, no needs).</summary>
    public async Task<string> DossierAsync(string nis, int skip = 0)
    {
        await using var db = Web.Database.Open();
        var workspace = (await WorkspaceResolver.LoadAsync(db, nis, BelgianTime.Today(TimeProvider.System), CancellationToken.None))!;
        return await CurrentNewcomers.Of(db, workspace.Retention).OrderBy(n => n.Id).Skip(skip).Select(n => n.DossierNumber).FirstAsync();
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(response);
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
        Assert.False(string.IsNullOrEmpty((string?)problem["detail"]));
    }

    public async ValueTask DisposeAsync() => await Web.DisposeAsync();
}
