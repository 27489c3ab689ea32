using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Tests.Infrastructure;
using static Pnx.Tests.Web.Newcomers.WorkspaceWorld;

namespace Pnx.Tests.Web.Upload;

public sealed partial class UploadTests : IAsyncLifetime
{
    private const string Page = "/agentschap/import";
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static readonly byte[] TwoNew = Csv(
        "Dossiernummer;Naam;Voornaam;Niveau Nederlands;NIS-code gemeente",
        "W-0001;Peeters;Ánna;A2;23027",
        "W-0002;Janssens;Bram;B1;23088");

    private async Task<int> CountAsync(string dossier)
    {
        await using var db = _web.Database.Open();
        return await db.Newcomers.CountAsync(n => n.DossierNumber == dossier);
    }

    /// <summary>Uploads that still hold their file or still await apply (an applied one keeps only its state and outcome).</summary>
    private async Task<int> StagedCountAsync()
    {
        await using var db = _web.Database.Open();
        var uploads = await db.StagedUploads.AsNoTracking().Select(u => new { u.State, u.Content }).ToListAsync();
        return uploads.Count(u => u.State == null || u.Content.Length > 0);
    }

    [Fact]
    public async Task PreviewShowsTheSummaryPerMunicipalityAndWritesNothing()
    {
        using var client = await _web.SignInAsync(Role.AgencyDataSteward);
        var before = await AuditHeadAsync(_web);
        using var response = await client.PostFileAsync(Page, Page + "?handler=Preview", "file", "inburgeraars.csv", TwoNew, new Dictionary<string, string> { ["Mode"] = "upsert" });
        var html = await client.FollowUploadAsync(response);
        Assert.Contains("inburgeraars.csv · alleen toevoegen en bijwerken", html, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">23027 Halle</th>\\s*<td class=\"num\">1</td>\\s*<td class=\"num\">0</td>", html);
        Assert.Matches("<th scope=\"row\">23088 Vilvoorde</th>\\s*<td class=\"num\">1</td>", html);
        Assert.Contains("Dit is een voorbeeld: er werd nog niets weggeschreven.", html, StringComparison.Ordinal);
        Assert.Contains("Bevestigen en toepassen", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("W-0001"));
        Assert.Empty(await AuditSinceAsync(_web, before));
    }

    [Fact]
    public async Task ConfirmingThePreviewAppliesTheStoredFileAndRemovesIt()
    {
        using var client = await _web.SignInAsync(Role.AgencyDataSteward);
        using var preview = await client.PostFileAsync(Page, Page + "?handler=Preview", "file", "inburgeraars.csv", TwoNew, new Dictionary<string, string> { ["Mode"] = "upsert" });
        var html = await client.FollowUploadAsync(preview);
        var uploadId = UploadId().Match(html).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{32}$", uploadId);
        Assert.Equal(1, await StagedCountAsync());

        using var apply = await client.PostFormAsync(Page, new Dictionary<string, string> { ["UploadId"] = uploadId, ["Mode"] = "upsert", ["AllowMassWithdrawal"] = "false" }, Page + "?handler=Apply");
        var applied = await client.FollowUploadAsync(apply);
        Assert.Contains("Toegepast", applied, StringComparison.Ordinal);
        Assert.Contains("inburgeraars.csv · alleen toevoegen en bijwerken", applied, StringComparison.Ordinal);
        await using var db = _web.Database.Open();
        var written = await db.Newcomers.AsNoTracking().SingleAsync(n => n.DossierNumber == "W-0001");
        Assert.Equal("PEETERS ANNA", written.SearchName);
        Assert.Equal(1, await CountAsync("W-0002"));
        Assert.Equal(0, await StagedCountAsync());
        var import = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "import" && e.Municipality == "23027").ToListAsync();
        Assert.StartsWith("user:", Assert.Single(import).Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadFileShowsProblemsPerRowAndColumnAndWritesNothing()
    {
        var bad = Csv(
            "Dossiernummer;Naam;Voornaam;Niveau Nederlands;NIS-code gemeente",
            "W-0001;Peeters;Anna;B3;23027");
        using var client = await _web.SignInAsync(Role.AgencyDataSteward);
        var before = await AuditHeadAsync(_web);
        using var response = await client.PostFileAsync(Page, Page + "?handler=Preview", "file", "inburgeraars.csv", bad, new Dictionary<string, string>());
        var html = WebUtility.HtmlDecode(await client.FollowUploadAsync(response));
        Assert.Contains("Rij 2, kolom \"Niveau Nederlands\": \"B3\" staat niet in de lijst; verwacht: één van", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bevestigen en toepassen", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("W-0001"));
        Assert.Empty(await AuditSinceAsync(_web, before));
        Assert.Equal(0, await StagedCountAsync());
    }

    [Fact]
    public async Task CaseWorkerCannotReachTheUpload()
    {
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        using var response = await client.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [GeneratedRegex("name=\"UploadId\" value=\"([0-9a-f]+)\"")]
    private static partial Regex UploadId();
}
