using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Retention;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Retention;

public sealed class DeletionRegisterPageTests : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync()
    {
        _web = await TestWeb.StartAsync();
        await using var db = _web.Database.Open();
        db.DeletionRecords.Add(new DeletionRecord { DossierNumber = "REG-000001", MunicipalityNis = "23027", RemovedOn = new DateOnly(2026, 7, 11), Rule = RetentionRule.Certificate });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Theory]
    [InlineData(Role.AgencyDataSteward)]
    [InlineData(Role.AgencyDpo)]
    public async Task TheAgencysStewardAndDpoDownloadTheRegisterAndTheDownloadIsAudited(Role role)
    {
        using var client = await _web.SignInAsync(role);
        var page = await client.GetPageAsync("/agentschap/verwijderingen");
        Assert.Contains("Verwijderingsregister", page, StringComparison.Ordinal);
        using var download = await client.PostFormAsync("/agentschap/verwijderingen", new Dictionary<string, string>(), "/agentschap/verwijderingen?handler=Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await download.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFDossiernummer;NIS-code gemeente;Verwijderd op;Regel\r\n", text, StringComparison.Ordinal);
        Assert.Contains("REG-000001;23027;2026-07-11;attest\r\n", text, StringComparison.Ordinal);
        await using var db = _web.Database.Open();
        Assert.Contains(await db.AuditEntries.Where(e => e.Action == "retention.register").Select(e => e.Subjects).ToListAsync(), s => s.Contains("REG-000001", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Role.AgencyAccessAdministrator, null)]
    [InlineData(Role.AgencyTrajectoryCounsellor, null)]
    [InlineData(Role.MunicipalCaseWorker, "23027")]
    [InlineData(Role.MunicipalDpo, "23027")]
    public async Task NoOtherRoleGetsTheRegister(Role role, string? nis)
    {
        using var client = await _web.SignInAsync(role, nis);
        using var page = await client.GetAsync("/agentschap/verwijderingen");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        // A valid antiforgery token from a page the role may open, so that only authorization can refuse the POST.
        using var download = await client.PostFormAsync("/start", new Dictionary<string, string>(), "/agentschap/verwijderingen?handler=Download");
        Assert.NotEqual(HttpStatusCode.OK, download.StatusCode);
        Assert.DoesNotContain("REG-000001", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
