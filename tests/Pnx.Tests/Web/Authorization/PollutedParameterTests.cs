using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Pnx.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Pnx.Tests.Web.Authorization;

/// <summary>
/// The workspace comes from the route only. Every workspace endpoint, for every principal, is called under
/// the own municipality's route while the query string and the form body name the other municipality under
/// every plausible name; no response may ever hold a value of the other municipality's newcomers.
/// </summary>
public sealed class PollutedParameterTests(MatrixHost host, ITestOutputHelper output) : IClassFixture<MatrixHost>
{
    private static readonly string[] MunicipalityNames = ["nis", "Nis", "NIS", "municipality", "Municipality", "gemeente", "municipalityId", "MunicipalityId", "nisCode"];

    [Fact]
    public async Task AWorkspaceNeverTakesItsMunicipalityFromTheQueryOrTheForm()
    {
        var endpoints = (await AppEndpoints.ListAsync(host.Web.Services)).Where(e => e.HasMunicipality).ToList();
        Assert.NotEmpty(endpoints);
        await using (var db = host.Web.Database.Open())
        {
            var otherId = await db.Municipalities.Where(m => m.NisCode == MatrixHost.OtherNis).Select(m => m.Id).SingleAsync();
            var polluted = MunicipalityNames.ToDictionary(n => n, n => n.EndsWith("Id", StringComparison.Ordinal) ? otherId.ToString(CultureInfo.InvariantCulture) : MatrixHost.OtherNis);
            polluted["id"] = host.OtherSentinelId.ToString(CultureInfo.InvariantCulture);
            polluted["format"] = "csv";
            var query = string.Join("&", polluted.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
            var probes = 0;
            var leaks = new List<string>();
            foreach (var endpoint in endpoints)
            {
                var path = Fill(endpoint.Route);
                var json = System.Text.Json.JsonSerializer.Serialize(polluted);
                foreach (var (clientNis, client) in host.ApiPrincipals)
                {
                    foreach (var method in endpoint.Methods.Count == 0 ? ["GET"] : endpoint.Methods)
                    {
                        using var response = method == "GET" ? await client.GetAsync(path + "?" + query) : await client.PostJsonAsync(path + "?" + query, json);
                        probes++;
                        var body = await response.Content.ReadAsStringAsync();
                        foreach (var sentinel in host.OtherSentinels.Where(s => body.Contains(s, StringComparison.OrdinalIgnoreCase)))
                        {
                            leaks.Add($"{method} {path} as API client ({clientNis ?? "agency"}): {(int)response.StatusCode} holds a value of {MatrixHost.OtherNis}");
                        }
                    }
                }

                foreach (var (role, _, client) in host.Principals.Where(p => p.Role is not null))
                {
                    foreach (var method in endpoint.Methods.Count == 0 ? ["GET"] : endpoint.Methods)
                    {
                        using var response = method == "GET"
                            ? await client.GetAsync(path + "?" + query)
                            : await client.PostFormAsync("/start", polluted, path + "?" + query);
                        probes++;
                        var body = await response.Content.ReadAsStringAsync();
                        foreach (var sentinel in host.OtherSentinels.Where(s => body.Contains(s, StringComparison.OrdinalIgnoreCase)))
                        {
                            leaks.Add($"{method} {path} as {role}: {(int)response.StatusCode} holds a value of {MatrixHost.OtherNis}");
                        }
                    }
                }
            }

            output.WriteLine($"{probes} polluted probes over {endpoints.Count} workspace endpoints; {leaks.Count} leaks");
            Assert.True(probes > endpoints.Count, "every endpoint must be probed by several principals");
            Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
        }
    }

    [Fact]
    public async Task AnotherMunicipalitysNewcomerUnderOnesOwnRouteAnswers404AndIsAuditedAsDenied()
    {
        var client = host.Principals.Single(p => p.Role == Pnx.Access.Role.MunicipalCaseWorker).Client;
        var before = await DeniedAsync();
        using var response = await client.GetAsync($"/gemeenten/{MatrixHost.OwnNis}/inburgeraars/{host.OtherSentinelId}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(host.OtherSentinels[0], body, StringComparison.OrdinalIgnoreCase);
        var after = await DeniedAsync();
        var entry = Assert.Single(after.Except(before));
        Assert.Contains(host.OtherSentinelId.ToString(CultureInfo.InvariantCulture), entry.Detail, StringComparison.Ordinal);
        Assert.Equal(MatrixHost.OwnNis, entry.Municipality);
    }

    [Fact]
    public async Task TheMunicipalityInTheRouteWinsOverAConflictingFormValueOnExport()
    {
        var client = host.Principals.Single(p => p.Role == Pnx.Access.Role.MunicipalCaseWorker).Client;
        using var response = await client.PostFormAsync($"/gemeenten/{MatrixHost.OwnNis}/inburgeraars",
            new Dictionary<string, string> { ["nis"] = MatrixHost.OtherNis, ["format"] = "csv" }, $"/gemeenten/{MatrixHost.OwnNis}/export?nis={MatrixHost.OtherNis}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await response.Content.ReadAsStringAsync();
        await using var db = host.Web.Database.Open();
        var own = await db.Newcomers.Where(n => n.Municipality!.NisCode == MatrixHost.OwnNis && n.WithdrawnAt == null).Select(n => n.DossierNumber).FirstAsync();
        Assert.Contains(own, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(host.OtherSentinels[2], csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";" + MatrixHost.OtherNis, csv, StringComparison.Ordinal);
    }

    private async Task<List<(long Seq, string? Municipality, string Detail)>> DeniedAsync()
    {
        await using var db = host.Web.Database.Open();
        return (await db.AuditEntries.AsNoTracking().Where(e => e.Action == "access.denied")
                .Select(e => new { e.Seq, e.Municipality, e.Detail }).ToListAsync())
            .Select(e => (e.Seq, e.Municipality, e.Detail ?? "")).ToList();
    }

    private string Fill(string route) => route
        .Replace("{nis}", MatrixHost.OwnNis, StringComparison.Ordinal)
        .Replace("{id}", host.IdFor(route, MatrixHost.OwnNis).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
