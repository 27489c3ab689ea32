using System.Globalization;
using System.Net;
using WebClient = Pnx.Tests.Infrastructure.WebClient;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Pnx.Tests.Web.Authorization;

/// <summary>
/// Every endpoint × every role (own municipality and another one) + anonymous, against the one table in
/// <see cref="ExpectedAccess"/>. A LEAK is a cell the table denies that answered 2xx.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixHost host, ITestOutputHelper output) : IClassFixture<MatrixHost>
{
    [Fact]
    public async Task EveryEndpointOfTheAppIsClassifiedInTheExpectedAccessTable()
    {
        var endpoints = await AppEndpoints.ListAsync(host.Web.Services);
        var unclassified = endpoints.Where(e => ExpectedAccess.Find(e.Route) is null).Select(e => $"{e.Route} ({e.DisplayName})").ToList();
        var absent = ExpectedAccess.Table.Keys
            .Where(key => !endpoints.Any(e => key.EndsWith("/*", StringComparison.Ordinal) ? e.Route.StartsWith(key[..^1], StringComparison.Ordinal) : e.Route == key))
            .ToList();
        output.WriteLine($"{endpoints.Count} endpoints; expected but absent (not yet built): {(absent.Count == 0 ? "none" : string.Join(", ", absent))}");
        Assert.True(unclassified.Count == 0,
            "Endpoints missing from ExpectedAccess (add a row saying who may use each): " + string.Join(", ", unclassified));
    }

    [Fact]
    public async Task NoRoleReachesAnEndpointBeyondItsGrantsAndEveryAllowedCellAnswers()
    {
        var endpoints = (await AppEndpoints.ListAsync(host.Web.Services)).Where(e => ExpectedAccess.Find(e.Route) is not null).ToList();
        var problems = new List<string>();
        int cells = 0, leaks = 0, allowedCells = 0;
        // GETs first: a POST-only endpoint may change state (a language cookie, a grant) and must not colour the reads.
        foreach (var endpoint in endpoints.OrderBy(e => e.ProbeMethod == "GET" ? 0 : 1))
        {
            var access = ExpectedAccess.Find(endpoint.Route)!;
            foreach (var routeNis in endpoint.HasMunicipality ? new string?[] { MatrixHost.OwnNis, MatrixHost.OtherNis } : [null])
            {
                var path = Fill(endpoint, routeNis ?? MatrixHost.OwnNis, problems);
                if (path is null) continue;
                foreach (var (role, userNis, client) in host.Principals)
                {
                    cells++;
                    var allowed = access.Allows(role, userNis, routeNis);
                    if (allowed) allowedCells++;
                    var who = role is null ? "anonymous" : $"{role} ({userNis ?? "agency"})";
                    var (status, location, deniedAudited) = await ProbeAsync(client, role is null, endpoint.ProbeMethod, path);
                    var cell = $"{endpoint.ProbeMethod} {path} as {who} [{access}]: {(int)status}{(location is null ? "" : " → " + location)}";
                    if (!allowed && (int)status is >= 200 and < 300)
                    {
                        leaks++;
                        problems.Add("LEAK " + cell);
                        continue;
                    }

                    var challenge = IsSignInChallenge(status, location);
                    var fine = allowed
                        ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests) && (int)status < 500 && !challenge && !deniedAudited
                        : access.IsApi
                            ? status == HttpStatusCode.Unauthorized && !deniedAudited
                            : role is null
                                ? challenge
                                : status == (endpoint.HasMunicipality ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden) && deniedAudited;
                    if (!fine) problems.Add((allowed ? "should be allowed: " : "should be refused: ") + cell + (deniedAudited ? " (access.denied audited)" : ""));
                }

                // API clients: a bearer token opens only the API routes of the client's scope; to a page it is no sign-in.
                var apiPath = access.IsApi ? FillApi(endpoint, path, routeNis ?? MatrixHost.OwnNis) : path;
                foreach (var (clientNis, client) in host.ApiPrincipals)
                {
                    cells++;
                    var allowed = access.AllowsClient(clientNis, routeNis);
                    if (allowed) allowedCells++;
                    var who = $"API client ({clientNis ?? "agency"})";
                    var (status, location, deniedAudited) = access.IsApi
                        ? await ProbeApiAsync(client, endpoint.ProbeMethod, apiPath)
                        : await ProbeAsync(client, anonymous: true, endpoint.ProbeMethod, path);
                    var cell = $"{endpoint.ProbeMethod} {apiPath} as {who} [{access}]: {(int)status}{(location is null ? "" : " → " + location)}";
                    if (!allowed && (int)status is >= 200 and < 300)
                    {
                        leaks++;
                        problems.Add("LEAK " + cell);
                        continue;
                    }

                    var fine = allowed
                        ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests) && (int)status < 500 && !deniedAudited
                        : access.IsApi
                            ? status == (endpoint.HasMunicipality ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden) && deniedAudited
                            : IsSignInChallenge(status, location) || status == HttpStatusCode.Unauthorized;
                    if (!fine) problems.Add((allowed ? "should be allowed: " : "should be refused: ") + cell + (deniedAudited ? " (access.denied audited)" : ""));
                }
            }
        }

        output.WriteLine($"{endpoints.Count} endpoints, {host.Principals.Count} principals: {cells} cells ({allowedCells} allowed, {cells - allowedCells} denied), {leaks} leaks");
        foreach (var problem in problems) output.WriteLine(problem);
        Assert.Equal(0, leaks);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(cells > 0 && allowedCells > 0 && allowedCells < cells, "the matrix must hold both allowed and denied cells");
    }

    private async Task<(HttpStatusCode Status, string? Location, bool DeniedAudited)> ProbeAsync(WebClient client, bool anonymous, string method, string path)
    {
        var before = await DeniedCountAsync();
        using var response = method == "GET"
            ? await client.GetAsync(path)
            : method == "POST"
                ? await client.PostFormAsync(anonymous ? "/" : "/start", new Dictionary<string, string>(), path)
                : throw new InvalidOperationException($"no probe for {method} {path}: teach the matrix this method");
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null;
        return (response.StatusCode, location, await DeniedCountAsync() > before);
    }

    private async Task<(HttpStatusCode Status, string? Location, bool DeniedAudited)> ProbeApiAsync(WebClient client, string method, string path)
    {
        var before = await DeniedCountAsync();
        using var response = method == "GET" ? await client.GetAsync(path) : await client.PostJsonAsync(path, "{}");
        return (response.StatusCode, response.Headers.Location?.OriginalString, await DeniedCountAsync() > before);
    }

    /// <summary>API routes name enrolments, not newcomers, by {id}.</summary>
    private string FillApi(AppEndpoint endpoint, string path, string nis) =>
        endpoint.Pattern.Parameters.Any(p => p.Name == "id")
            ? endpoint.Route.Replace("{nis}", nis, StringComparison.Ordinal).Replace("{id}", host.EnrolmentIds[nis].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : path;

    private async Task<int> DeniedCountAsync()
    {
        await using var db = host.Web.Database.Open();
        return await db.AuditEntries.CountAsync(e => e.Action == "access.denied");
    }

    /// <summary>The cookie handler's challenge: a redirect to the sign-in page that remembers where the user wanted to go.</summary>
    private static bool IsSignInChallenge(HttpStatusCode status, string? location) =>
        status == HttpStatusCode.Redirect && location is not null
        && location.StartsWith("/aanmelden?", StringComparison.Ordinal) && location.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase);

    private string? Fill(AppEndpoint endpoint, string nis, List<string> problems)
    {
        var path = endpoint.Route;
        foreach (var parameter in endpoint.Pattern.Parameters)
        {
            string? value = parameter.Name.ToLowerInvariant() switch
            {
                "nis" => nis,
                "id" => host.IdFor(endpoint.Route, nis).ToString(CultureInfo.InvariantCulture),
                "dossier" or "dossiernumber" => host.DossierNumbers[nis],
                "token" => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
                "code" => "404",
                _ => ExpectedAccess.SampleRouteValues.GetValueOrDefault(parameter.Name),
            };
            if (value is null)
            {
                problems.Add($"{endpoint.Route}: no sample value for {{{parameter.Name}}}; add one to ExpectedAccess.SampleRouteValues");
                return null;
            }

            path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return path;
    }
}
