using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pnx.Access;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Tests.Infrastructure;
using Pnx.Tests.Web.Administration;

namespace Pnx.Tests.Web.AuditViewer;

public sealed class AuditViewerTests : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync()
    {
        _web = await TestWeb.StartAsync();
        // Look-alike dossier numbers: an exact filter must keep them apart, and "_" must not act as a wildcard.
        var audit = _web.Services.GetRequiredService<AuditLog>();
        await audit.RecordAsync(new AuditRecord("user:test", "newcomer.view", "23027", ["D12345"], AuditPurposes.Steering));
        await audit.RecordAsync(new AuditRecord("user:test", "newcomer.view", "23027", ["D123456"], AuditPurposes.Steering));
        await audit.RecordAsync(new AuditRecord("user:test", "newcomer.view", "23088", ["D1X345"], AuditPurposes.Steering));
    }

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task AMunicipalDpoSeesOnlyTheirMunicipalitysEntriesAndAnotherMunicipalityAnswers404()
    {
        using var dpo = await _web.SignInAsync(Role.MunicipalDpo, "23027");
        var html = await dpo.GetPageAsync("/gemeenten/23027/audit");
        Assert.Contains("D12345", html, StringComparison.Ordinal);
        Assert.Contains("<td>23027</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>23088</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>–</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("D1X345", html, StringComparison.Ordinal);

        using var other = await dpo.GetAsync("/gemeenten/23088/audit");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        var lines = await ExportAsync(dpo, "/gemeenten/23027/audit", new Dictionary<string, string>());
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Equal("23027", line.RootElement.GetProperty("municipality").GetString()));
    }

    [Fact]
    public async Task ViewingTheTrailIsItselfAuditedWithTheViewerAsActor()
    {
        var dpoId = await _web.UserIdAsync(_web.Account(Role.MunicipalDpo, "23027").Email);
        using var dpo = await _web.SignInAsync(Role.MunicipalDpo, "23027");
        await dpo.GetPageAsync("/gemeenten/23027/audit");
        var views = await _web.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "audit.view").ToListAsync());
        var view = Assert.Single(views);
        Assert.Equal("user:" + dpoId, view.Actor);
        Assert.Equal("23027", view.Municipality);
        Assert.Equal(AuditPurposes.Supervision, view.Purpose);
    }

    [Fact]
    public async Task TheAgencyDpoSeesEverythingAndFiltersByActionAndExactDossierNumber()
    {
        using var dpo = await _web.SignInAsync(Role.AgencyDpo);
        var all = await dpo.GetPageAsync("/agentschap/audit");
        Assert.Contains("D1X345", all, StringComparison.Ordinal);
        Assert.Contains(Shows("grant.approve"), all, StringComparison.Ordinal);

        var byAction = await FilterAsync(dpo, new() { ["Filter.Action"] = "newcomer.view" });
        Assert.Contains("D12345", byAction, StringComparison.Ordinal);
        Assert.Contains("D1X345", byAction, StringComparison.Ordinal);
        Assert.DoesNotContain(Shows("grant.approve"), byAction, StringComparison.Ordinal);

        var byDossier = await FilterAsync(dpo, new() { ["Filter.Dossier"] = "D12345" });
        Assert.Contains("D12345<", byDossier, StringComparison.Ordinal);
        Assert.DoesNotContain("D123456", byDossier, StringComparison.Ordinal);
        Assert.Contains(Shows("audit.view"), await FilterAsync(dpo, new() { ["Filter.Action"] = "audit.view" }), StringComparison.Ordinal);
        Assert.Contains("Geen entries voor deze filters.", await FilterAsync(dpo, new() { ["Filter.Dossier"] = "D1_345" }), StringComparison.Ordinal);

        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Geen entries voor deze filters.", await FilterAsync(dpo, new() { ["Filter.From"] = tomorrow }), StringComparison.Ordinal);
        Assert.Contains("Geef de datums als dd/mm/jjjj", await FilterAsync(dpo, new() { ["Filter.From"] = "31/02/2026" }), StringComparison.Ordinal);

        var dossierViews = await _web.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "audit.view" && e.Subjects == "[\"D12345\"]"));
        Assert.Equal(1, dossierViews);
    }

    [Fact]
    public async Task ExportedLinesRecomputeToTheirHashLikePnxAuditExportAndTheChainIsReportedIntact()
    {
        using var dpo = await _web.SignInAsync(Role.AgencyDpo);
        var lines = await ExportAsync(dpo, "/agentschap/audit", new Dictionary<string, string> { ["Filter.Action"] = "newcomer.view" });
        Assert.Equal(3, lines.Count);
        foreach (var line in lines)
        {
            var json = line.RootElement;
            var entry = new AuditEntry
            {
                Seq = json.GetProperty("seq").GetInt64(),
                At = DateTime.Parse(json.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal),
                Actor = json.GetProperty("actor").GetString()!,
                Action = json.GetProperty("action").GetString()!,
                Municipality = json.GetProperty("municipality").GetString(),
                Subjects = AuditHash.SubjectsJson(json.GetProperty("subjects").EnumerateArray().Select(s => s.GetString()!)),
                Purpose = json.GetProperty("purpose").GetString(),
                Detail = json.GetProperty("detail").GetString(),
                Prev = json.GetProperty("prev").GetString()!,
                Hash = "",
            };
            Assert.Equal(json.GetProperty("hash").GetString(), AuditHash.Compute(entry));
            var stored = await _web.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Seq == entry.Seq));
            Assert.Equal(AuditHash.ExportLine(stored), line.RootElement.GetRawText());
        }

        Assert.Equal(1, await _web.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "audit.export")));
        using var verify = await dpo.PostFormAsync("/agentschap/audit", new Dictionary<string, string>(), "/agentschap/audit?handler=Verify");
        var html = await verify.Content.ReadAsStringAsync();
        var count = await _web.QueryAsync(db => db.AuditEntries.CountAsync());
        Assert.Matches($"Keten intact: (\\d+) entries", html);
        // Appended after the check: its own audit.verify entry and the view that shows the result.
        // Appended after the check: its own audit.verify entry, then the view that shows the result.
        Assert.True(count - int.Parse(System.Text.RegularExpressions.Regex.Match(html, "Keten intact: (\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) <= 2);
    }

    [Fact]
    public async Task ACaseWorkerCannotOpenEitherAuditViewer()
    {
        using var caseWorker = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        using var municipal = await caseWorker.GetAsync("/gemeenten/23027/audit");
        Assert.Equal(HttpStatusCode.NotFound, municipal.StatusCode);
        using var agency = await caseWorker.GetAsync("/agentschap/audit");
        Assert.Equal(HttpStatusCode.Forbidden, agency.StatusCode);
    }

    [Fact]
    public async Task BothViewersShowTheCurrentHeadToWriteDownOutsideTheSystem()
    {
        foreach (var (role, nis, page) in new[] { (Role.MunicipalDpo, "23027", "/gemeenten/23027/audit"), (Role.AgencyDpo, (string?)null, "/agentschap/audit") })
        {
            using var dpo = await _web.SignInAsync(role, nis);
            var html = await dpo.GetPageAsync(page);
            Assert.Contains("Huidige kop van de keten", html, StringComparison.Ordinal);
            Assert.Contains("Noteer deze waarde buiten het systeem", html, StringComparison.Ordinal);
            var shown = System.Text.RegularExpressions.Regex.Match(html, "pnx audit verify --expect ([0-9]+):([0-9a-f]{64})");
            Assert.True(shown.Success, "no head on " + page);
            var seq = long.Parse(shown.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var entry = await _web.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Seq == seq));
            Assert.Equal(entry.Hash, shown.Groups[2].Value);
            Assert.Contains($"<code class=\"hash\">{seq} {entry.Hash}</code>", html, StringComparison.Ordinal);
        }
    }

    /// <summary>How the viewer shows an entry's action: its label, with the stored name under it.</summary>
    private static string Shows(string action) => $"{AuditActionLabels.Label(action)}<br><code class=\"muted small\">{action}</code>";

    private static async Task<string> FilterAsync(Infrastructure.WebClient client, Dictionary<string, string> fields)
    {
        using var response = await client.PostFormAsync("/agentschap/audit", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<List<JsonDocument>> ExportAsync(Infrastructure.WebClient client, string page, Dictionary<string, string> fields)
    {
        using var response = await client.PostFormAsync(page, fields, page + "?handler=Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l)).ToList();
    }
}
