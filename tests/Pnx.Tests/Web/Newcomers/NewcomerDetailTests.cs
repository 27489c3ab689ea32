using System.Net;
using Pnx.Access;
using Pnx.Audit;
using Pnx.Tests.Infrastructure;
using static Pnx.Tests.Web.Newcomers.WorkspaceWorld;

namespace Pnx.Tests.Web.Newcomers;

public sealed class NewcomerDetailTests : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task DetailShowsTheNewcomerAndAppendsNewcomerViewWithItsDossier()
    {
        var target = (await CurrentAsync(_web, "23027")).First(n => n.CertificateDate is not null);
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var before = await AuditHeadAsync(_web);
        var html = await client.GetPageAsync($"/gemeenten/23027/inburgeraars/{target.Id}");
        // Decoded: the page encodes a name's non-ASCII letters as hexadecimal references, WebUtility as decimal ones.
        Assert.Contains(target.FamilyName!, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // The certificate (at most 6 months ahead) comes before 12 months without confirmation: that rule names the day.
        var removedOn = Pnx.Retention.RetentionRules.LastDay(target.CertificateDate!.Value).AddDays(1).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Gegevens verwijderd vanaf</dt>\n    <dd>{removedOn} (6 maanden na het attest)</dd>", html, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditSinceAsync(_web, before));
        Assert.Equal("newcomer.view", entry.Action);
        Assert.Equal([target.DossierNumber], AuditHash.ParseSubjects(entry.Subjects));
    }

    [Fact]
    public async Task DetailOfAnotherMunicipalitysNewcomerAnswers404AndShowsNothing()
    {
        var other = (await CurrentAsync(_web, "23088")).First();
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var before = await AuditHeadAsync(_web);
        using var response = await client.GetAsync($"/gemeenten/23027/inburgeraars/{other.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(other.DossierNumber, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await AuditSinceAsync(_web, before), e => e.Action == "newcomer.view");
    }

    [Fact]
    public async Task ExportDownloadsACsvWithBomAndIsAuditedWithEveryDossier()
    {
        var current = await CurrentAsync(_web, "23027");
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var before = await AuditHeadAsync(_web);
        using var response = await client.PostFormAsync("/gemeenten/23027/inburgeraars", new Dictionary<string, string> { ["format"] = "csv" }, "/gemeenten/23027/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(current.Count + 1, lines.Length);

        var entries = await AuditSinceAsync(_web, before);
        var export = Assert.Single(entries, e => e.Action == "export");
        Assert.Equal(current.Select(n => n.DossierNumber).Order(StringComparer.Ordinal), AuditHash.ParseSubjects(export.Subjects).Order(StringComparer.Ordinal));
        await using var db = _web.Database.Open();
        Assert.True((await AuditVerifier.VerifyAsync(db, CancellationToken.None)).Intact);
    }
}
