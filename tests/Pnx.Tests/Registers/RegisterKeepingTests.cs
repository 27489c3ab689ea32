using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Registers;

namespace Pnx.Tests.Registers;

/// <summary>What the municipal DPO keeps and what the registers show and export.</summary>
public sealed class RegisterKeepingTests(RegisterHost host) : IClassFixture<RegisterHost>
{
    private const string Own = RegisterHost.Own;
    private const string Register = $"/gemeenten/{Own}/registers";

    [Fact]
    public async Task TheHoldersListedAreExactlyTheActiveGrantsAndARevokedGrantDisappears()
    {
        var ownId = await host.MunicipalityIdAsync(Own);
        var expected = await host.QueryAsync(db => db.Grants.Where(g => g.MunicipalityId == ownId && g.FunctionProfileId != null)
            .Where(AccessQueries.IsActive(DateTime.UtcNow)).Select(g => g.User.Email!).ToListAsync());
        Assert.NotEmpty(expected);
        var entries = await host.QueryAsync(db => ProfileRegister.LoadAsync(db, ownId, DateTimeOffset.UtcNow, CancellationToken.None));
        Assert.Equal(expected.Order(StringComparer.Ordinal), entries.SelectMany(e => e.Holders).Select(h => h.Email).Order(StringComparer.Ordinal));
        var html = await host[Role.MunicipalDpo].GetPageAsync(Register);
        Assert.All(expected, email => Assert.Contains(email, html, StringComparison.Ordinal));

        // A new offer manager is requested: not yet a holder. Approved: a holder. Revoked: gone again.
        var offerManager = host.Web.Account(Role.MunicipalOfferManager, "23088");
        var userId = await host.UserIdAsync(Role.MunicipalOfferManager, "23088");
        var profileId = await host.QueryAsync(db => db.FunctionProfiles.Where(p => p.MunicipalityId == ownId && p.Role == Role.MunicipalOfferManager && p.RetiredAt == null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var admin1 = await host.UserIdAsync(Role.AgencyAccessAdministrator);
        var admin2 = await Pnx.Tests.Web.Administration.AdminWeb.UserIdAsync(host.Web, "toegangsbeheer2@demo.invalid");
        var requested = await host.QueryAsync(db => GrantRules.RequestAsync(db, TimeProvider.System, userId, new GrantScope(Role.MunicipalOfferManager, ownId, profileId), admin1));
        Assert.True(requested.Succeeded, requested.Message);
        Assert.DoesNotContain(offerManager.Email, await host[Role.MunicipalDpo].GetPageAsync(Register), StringComparison.Ordinal);
        Assert.True((await host.QueryAsync(db => GrantRules.ApproveAsync(db, TimeProvider.System, requested.GrantId!.Value, admin2))).Succeeded);
        Assert.Contains(offerManager.Email, await host[Role.MunicipalDpo].GetPageAsync(Register), StringComparison.Ordinal);
        Assert.True((await host.QueryAsync(db => GrantRules.RevokeAsync(db, TimeProvider.System, requested.GrantId!.Value, admin1))).Succeeded);
        Assert.DoesNotContain(offerManager.Email, await host[Role.MunicipalDpo].GetPageAsync(Register), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryChangeIsAuditedWithTheDposIdAndNoValues()
    {
        var dpo = host[Role.MunicipalDpo];
        var dpoId = await host.UserIdAsync(Role.MunicipalDpo, Own);
        var since = await host.QueryAsync(db => db.AuditEntries.MaxAsync(e => e.Seq));

        await PostAsync(dpo, $"{Register}/verwerker", RegisterAccessTests.Processor("Auditbaar Hosting NV"));
        var processorId = await host.QueryAsync(db => db.Processors.Where(p => p.Name == "Auditbaar Hosting NV").Select(p => p.Id).SingleAsync());
        await PostAsync(dpo, $"{Register}/verwerker?id={processorId}", RegisterAccessTests.Processor("Auditbaar Hosting NV", "beëindigd"));
        await PostAsync(dpo, $"{Register}/functieprofiel", new() { ["Name"] = "Auditbaar profiel", ["Role"] = "municipal-offer-manager", ["Description"] = "vrijetijdsaanbod" });
        var profileId = await host.QueryAsync(db => db.FunctionProfiles.Where(p => p.Name == "Auditbaar profiel").Select(p => p.Id).SingleAsync());
        await PostAsync(dpo, $"{Register}/functieprofiel?id={profileId}", new() { ["Name"] = "Auditbaar profiel 2", ["Description"] = "vrijetijdsaanbod en sport" });
        await PostAsync(dpo, $"{Register}/functieprofiel?handler=Retire&id={profileId}", []);
        await PostAsync(dpo, $"{Register}/dpo", new() { ["Form.Name"] = "Annelies Auditbaar", ["Form.Email"] = "dpo@halle.invalid", ["Form.Phone"] = "02 365 99 00" });

        var entries = await host.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Seq > since && e.Actor == "user:" + dpoId && e.Action != "register.view").OrderBy(e => e.Seq).ToListAsync());
        Assert.Equal(["processor.add", "processor.update", "function-profile.add", "function-profile.update", "function-profile.retire", "dpo-contact.update"], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal(Own, e.Municipality);
            Assert.Equal("[]", e.Subjects);
            foreach (var value in new[] { "Auditbaar", "Annelies", "halle.invalid", "+3223659900", "vrijetijdsaanbod" }) Assert.DoesNotContain(value, e.Detail ?? "", StringComparison.Ordinal);
        });
        Assert.Contains("status beëindigd", entries[1].Detail, StringComparison.Ordinal);
        var contact = await host.QueryAsync(db => db.DpoContacts.SingleAsync(d => d.Municipality!.NisCode == Own));
        Assert.Equal("+3223659900", contact.Phone);
    }

    [Fact]
    public async Task AProfileSomeoneHoldsCannotBeRetiredAndARetiredProfileGrantsNothingNew()
    {
        var ownId = await host.MunicipalityIdAsync(Own);
        var held = await host.QueryAsync(db => db.Grants.Where(g => g.MunicipalityId == ownId && g.Role == Role.MunicipalCaseWorker)
            .Where(AccessQueries.IsActive(DateTime.UtcNow)).Select(g => g.FunctionProfileId!.Value).FirstAsync());
        using (var refused = await host[Role.MunicipalDpo].PostFormAsync("/start", new Dictionary<string, string>(), $"{Register}/functieprofiel?handler=Retire&id={held}"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Vraag het Agentschap eerst om ze in te trekken", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Null(await host.QueryAsync(db => db.FunctionProfiles.Where(p => p.Id == held).Select(p => p.RetiredAt).SingleAsync()));

        await PostAsync(host[Role.MunicipalDpo], $"{Register}/functieprofiel", new() { ["Name"] = "Tijdelijk profiel", ["Role"] = "municipal-case-worker" });
        var profileId = await host.QueryAsync(db => db.FunctionProfiles.Where(p => p.Name == "Tijdelijk profiel").Select(p => p.Id).SingleAsync());
        await PostAsync(host[Role.MunicipalDpo], $"{Register}/functieprofiel?handler=Retire&id={profileId}", []);
        var admin = await host.UserIdAsync(Role.AgencyAccessAdministrator);
        var grantee = await host.UserIdAsync(Role.MunicipalCaseWorker, "23088");
        var request = await host.QueryAsync(db => GrantRules.RequestAsync(db, TimeProvider.System, grantee, new GrantScope(Role.MunicipalCaseWorker, ownId, profileId), admin));
        Assert.False(request.Succeeded);
        Assert.Equal(GrantRules.RetiredProfile, request.Message);
        var html = await host[Role.MunicipalDpo].GetPageAsync(Register);
        Assert.Contains("Ingetrokken functieprofielen", html, StringComparison.Ordinal);
        using var edit = await host[Role.MunicipalDpo].GetAsync($"{Register}/functieprofiel?id={profileId}");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }

    [Fact]
    public async Task EachProfileSaysWhatItsRoleMayDoAsTheAuthorizationTableHasIt()
    {
        var html = await host[Role.AgencyAccessAdministrator].GetPageAsync(Register);
        foreach (var text in RoleCapabilities.Of(Role.MunicipalCaseWorker).Concat(RoleCapabilities.Of(Role.MunicipalDpo)))
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(text), html, StringComparison.Ordinal);
        }

        Assert.Contains(RoleCapabilities.Texts.Single(t => t.Policy == Pnx.Access.Web.WorkspacePolicies.CaseWork).Dutch, RoleCapabilities.Of(Role.MunicipalCaseWorker));
        Assert.DoesNotContain(RoleCapabilities.Texts.Single(t => t.Policy == Pnx.Access.Web.WorkspacePolicies.CaseWork).Dutch, RoleCapabilities.Of(Role.MunicipalDpo));
        Assert.Contains(RoleCapabilities.Texts.Single(t => t.Policy == Pnx.Access.Web.WorkspacePolicies.RegisterKeeping).Dutch, RoleCapabilities.Of(Role.MunicipalDpo));
    }

    [Fact]
    public async Task TheCsvExportsAreUtf8WithBomSemicolonsAndCrlfWithFormulasNeutralisedAndTheAgencysHoldsEveryMunicipality()
    {
        await PostAsync(host[Role.MunicipalDpo], $"{Register}/verwerker", RegisterAccessTests.Processor("=HYPERLINK(\"http://x\";\"klik\")"));
        await PostAsync(host.ForeignDpo, "/gemeenten/23088/registers/verwerker", RegisterAccessTests.Processor("Vilvoorde Cloud; Backup"));

        var processors = await CsvAsync(host[Role.MunicipalDpo], $"{Register}?handler=ProcessorsCsv");
        Assert.Equal("Gemeente;Verwerker;Doel;Datum overeenkomst;Status", processors[0]);
        Assert.Contains("23027;\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\";opslag van de mailbox;15/01/2024;actief", processors);
        Assert.All(processors.Skip(1), line => Assert.StartsWith("23027;", line, StringComparison.Ordinal));

        var all = await CsvAsync(host[Role.AgencyDpo], "/agentschap/registers?handler=ProcessorsCsv");
        Assert.Contains("23088;\"Vilvoorde Cloud; Backup\";opslag van de mailbox;15/01/2024;actief", all);
        Assert.Contains(all, line => line.StartsWith("23027;", StringComparison.Ordinal));

        var ownId = await host.MunicipalityIdAsync(Own);
        var holders = await host.QueryAsync(db => db.Grants.Where(g => g.MunicipalityId == ownId && g.FunctionProfileId != null)
            .Where(AccessQueries.IsActive(DateTime.UtcNow)).Select(g => g.User.Email!).ToListAsync());
        var profiles = await CsvAsync(host[Role.MunicipalDpo], $"{Register}?handler=ProfilesCsv");
        Assert.Equal(string.Join(";", RegisterCsv.ProfileColumns), profiles[0]);
        var cells = profiles.Skip(1).Select(line => line.Split(';')).ToList();
        Assert.Equal(holders.Order(StringComparer.Ordinal), cells.Select(c => c[7]).Where(e => e.Length > 0).Order(StringComparer.Ordinal));
        Assert.Contains(cells, c => c[2] == "municipal-case-worker" && c[4].Contains("persoonsgegevens", StringComparison.Ordinal));
        var agencyProfiles = await CsvAsync(host[Role.AgencyAccessAdministrator], "/agentschap/registers?handler=ProfilesCsv");
        Assert.Contains(agencyProfiles, line => line.StartsWith("23088;", StringComparison.Ordinal));

        var exports = await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "register.export"));
        Assert.True(exports >= 4);
    }

    private static async Task PostAsync(Infrastructure.WebClient client, string path, Dictionary<string, string> fields)
    {
        using var response = await client.PostFormAsync("/start", fields, path);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The download's lines, after checking the BOM, that every line ends in CRLF, and the content type.</summary>
    private static async Task<List<string>> CsvAsync(Infrastructure.WebClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }
}
