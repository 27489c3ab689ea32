using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Cli;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Api;

public sealed class ApiClientTests
{
    [Fact]
    public async Task ApiClientAddPrintsTheIdAndTheSecretOnTwoLinesAndStoresOnlyAHash()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var cli = PnxCli.For(database);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        var run = await cli.RunExpectingAsync(ExitCodes.Done, "api-client", "add", "--name", "Case system Halle", "--municipality", "23027", "--rate-limit", "120");
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches("^client_id: pnx-[0-9a-f]{20}$", lines[0]);
        Assert.Matches("^client_secret: [A-Za-z0-9_-]{43}$", lines[1]);
        var secret = lines[1]["client_secret: ".Length..];
        await using var db = database.Open();
        var client = await db.ApiClients.SingleAsync();
        Assert.DoesNotContain(secret, client.SecretHash, StringComparison.Ordinal);
        Assert.Equal(120, client.RateLimitPerMinute);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "api-client.add" && e.Municipality == "23027"));
        Assert.DoesNotContain(await db.AuditEntries.Select(e => e.Detail).ToListAsync(), d => d != null && d.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiClientAddNeedsExactlyOneScopeAndAKnownMunicipality()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var cli = PnxCli.For(database);
        await cli.RunExpectingAsync(ExitCodes.Usage, "api-client", "add", "--name", "x");
        await cli.RunExpectingAsync(ExitCodes.Usage, "api-client", "add", "--name", "x", "--agency", "--municipality", "23027");
        await cli.RunExpectingAsync(ExitCodes.Rejected, "api-client", "add", "--name", "x", "--municipality", "99999");
        var agency = await cli.RunExpectingAsync(ExitCodes.Done, "api-client", "add", "--name", "Source system", "--agency");
        var id = agency.Out.Split('\n')[0]["client_id: ".Length..].Trim();
        var list = await cli.RunExpectingAsync(ExitCodes.Done, "api-client", "list");
        Assert.Contains($"{id} agency active 600 Source system", list.Out, StringComparison.Ordinal);
        await cli.RunExpectingAsync(ExitCodes.Done, "api-client", "revoke", "--id", id);
        await cli.RunExpectingAsync(ExitCodes.Refused, "api-client", "revoke", "--id", id);
        Assert.Contains($"{id} agency revoked", (await cli.RunAsync("api-client", "list")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedClientGetsNoTokenAndItsTokensStopWorkingAtOnce()
    {
        await using var world = await ApiWorld.StartAsync();
        var client = await world.RegisterAsync(null);
        using var http = world.Bearer(await world.TokenAsync(client));
        using (var before = await http.GetAsync(new Uri("/api/v1/status-changes", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await using (var db = world.Web.Database.Open())
            Assert.Null(await Pnx.Api.Clients.ApiClients.RevokeAsync(db, TimeProvider.System, client.ClientId, "test", CancellationToken.None));

        using var after = await http.GetAsync(new Uri("/api/v1/status-changes", UriKind.Relative));
        await ApiWorld.AssertProblemAsync(after, HttpStatusCode.Unauthorized);
        using var token = await TokenRequestAsync(world, new() { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.ClientSecret });
        await ApiWorld.AssertProblemAsync(token, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheTokenEndpointAcceptsFormFieldsOrHttpBasicAndAnswersABearerTokenOfAtMostAnHour()
    {
        await using var world = await ApiWorld.StartAsync();
        var client = await world.RegisterAsync(ApiWorld.Halle);
        using var form = await TokenRequestAsync(world, new() { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.ClientSecret });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("no-store", form.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var body = await ApiWorld.ReadAsync(form);
        Assert.Equal("Bearer", (string?)body["token_type"]);
        Assert.InRange((int)body["expires_in"]!, 1, 3600);
        Assert.False(string.IsNullOrEmpty((string?)body["access_token"]));

        using var basic = await TokenRequestAsync(world, new() { ["grant_type"] = "client_credentials" },
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(client.ClientId + ":" + client.ClientSecret))));
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
    }

    [Fact]
    public async Task TheTokenEndpointAnswersTheErrorsOfRfc6749AsProblemDetails()
    {
        await using var world = await ApiWorld.StartAsync();
        var client = await world.RegisterAsync(null);
        async Task Expect(Dictionary<string, string> form, HttpStatusCode status, string error, AuthenticationHeaderValue? authorization = null)
        {
            using var response = await TokenRequestAsync(world, form, authorization);
            await ApiWorld.AssertProblemAsync(response, status);
            Assert.Equal(error, (string?)(await ApiWorld.ReadAsync(response))["error"]);
        }

        await Expect(new() { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = "wrong" }, HttpStatusCode.Unauthorized, "invalid_client");
        await Expect(new() { ["grant_type"] = "client_credentials", ["client_id"] = "pnx-unknown", ["client_secret"] = client.ClientSecret }, HttpStatusCode.Unauthorized, "invalid_client");
        await Expect(new() { ["grant_type"] = "client_credentials" }, HttpStatusCode.Unauthorized, "invalid_client");
        await Expect(new() { ["grant_type"] = "password", ["client_id"] = client.ClientId, ["client_secret"] = client.ClientSecret }, HttpStatusCode.BadRequest, "unsupported_grant_type");
        await Expect(new() { ["client_id"] = client.ClientId, ["client_secret"] = client.ClientSecret }, HttpStatusCode.BadRequest, "invalid_request");
        await Expect(new() { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.ClientSecret }, HttpStatusCode.BadRequest, "invalid_request",
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(client.ClientId + ":" + client.ClientSecret))));
    }

    [Fact]
    public async Task AForgedOrExpiredLookingTokenAndACookieAreNoBearerToken()
    {
        await using var world = await ApiWorld.StartAsync();
        var token = await world.TokenAsync(await world.RegisterAsync(null));
        using var forged = world.Bearer(token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));
        using var response = await forged.GetAsync(new Uri("/api/v1/status-changes", UriKind.Relative));
        await ApiWorld.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        using var steward = await world.Web.SignInAsync(Pnx.Access.Role.AgencyDataSteward);
        using var cookie = await steward.GetAsync("/api/v1/status-changes");
        Assert.Equal(HttpStatusCode.Unauthorized, cookie.StatusCode);
    }

    private static async Task<HttpResponseMessage> TokenRequestAsync(ApiWorld world, Dictionary<string, string> form, AuthenticationHeaderValue? authorization = null)
    {
        using var http = world.NewHttp();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = authorization;
        return await http.SendAsync(request);
    }
}

public sealed class ApiClientPageTests
{
    [Fact]
    public async Task TheAccessAdministratorRegistersAClientInTheBrowserSeesTheSecretOnceAndRevokesIt()
    {
        await using var world = await ApiWorld.StartAsync();
        using var admin = await world.Web.SignInAsync(Pnx.Access.Role.AgencyAccessAdministrator);
        using var created = await admin.PostFormAsync("/agentschap/toegang/api-clients",
            new Dictionary<string, string> { ["name"] = "Dossiers Halle", ["scope"] = ApiWorld.Halle, ["rateLimit"] = "60" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        var id = System.Text.RegularExpressions.Regex.Match(html, "client_id: (pnx-[0-9a-f]+)").Groups[1].Value;
        var secret = System.Text.RegularExpressions.Regex.Match(html, "client_secret: ([A-Za-z0-9_-]+)").Groups[1].Value;
        Assert.NotEmpty(secret);
        Assert.DoesNotContain(secret, await admin.GetPageAsync("/agentschap/toegang/api-clients"), StringComparison.Ordinal);
        var token = await world.TokenAsync(new Pnx.Api.Clients.NewApiClient(id, secret));
        using var revoked = await admin.PostFormAsync("/agentschap/toegang/api-clients", new Dictionary<string, string> { ["id"] = id },
            "/agentschap/toegang/api-clients?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        using var http = world.Bearer(token);
        using var after = await http.GetAsync(new Uri($"/api/v1/municipalities/{ApiWorld.Halle}/activities", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        await using var db = world.Web.Database.Open();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => (e.Action == "api-client.add" || e.Action == "api-client.revoke") && e.Actor.StartsWith("user:")));
    }
}
