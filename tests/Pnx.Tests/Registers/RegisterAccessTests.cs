using System.Net;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Registers;

namespace Pnx.Tests.Registers;

/// <summary>Who may see and who may keep the registers of art. 4 and 6, role by role, and that ids are bound to the workspace.</summary>
public sealed class RegisterAccessTests(RegisterHost host) : IClassFixture<RegisterHost>
{
    private const string Own = RegisterHost.Own;
    private const string Foreign = RegisterHost.Foreign;

    private static readonly Role[] Readers = [Role.MunicipalDpo, Role.AgencyAccessAdministrator, Role.AgencyDpo];

    [Fact]
    public async Task OnlyTheMunicipalDpoAndTheAgencysAccessAdministratorsAndDpoSeeAMunicipalitysRegister()
    {
        foreach (var role in Roles.All)
        {
            using var response = await host[role].GetAsync($"/gemeenten/{Own}/registers");
            Assert.True((Readers.Contains(role) ? HttpStatusCode.OK : HttpStatusCode.NotFound) == response.StatusCode, $"{role}: {(int)response.StatusCode}");
        }

        // The agency sees every municipality's; a municipal DPO only their own.
        using (var agency = await host[Role.AgencyDpo].GetAsync($"/gemeenten/{Foreign}/registers")) Assert.Equal(HttpStatusCode.OK, agency.StatusCode);
        using (var other = await host[Role.MunicipalDpo].GetAsync($"/gemeenten/{Foreign}/registers")) Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using (var back = await host.ForeignDpo.GetAsync($"/gemeenten/{Own}/registers")) Assert.Equal(HttpStatusCode.NotFound, back.StatusCode);
    }

    [Fact]
    public async Task OnlyTheMunicipalDpoKeepsTheRegisterAndACaseWorkerCannotAddAProcessor()
    {
        foreach (var path in new[] { "registers/verwerker", "registers/functieprofiel", "registers/dpo" })
        {
            foreach (var role in Roles.All)
            {
                using var response = await host[role].GetAsync($"/gemeenten/{Own}/{path}");
                Assert.True((role == Role.MunicipalDpo ? HttpStatusCode.OK : HttpStatusCode.NotFound) == response.StatusCode, $"{path} as {role}: {(int)response.StatusCode}");
            }
        }

        var before = await host.QueryAsync(db => db.Processors.CountAsync());
        foreach (var role in Roles.All.Where(r => r != Role.MunicipalDpo))
        {
            using var refused = await host[role].PostFormAsync("/start", Processor("Weigering " + role), $"/gemeenten/{Own}/registers/verwerker");
            Assert.True(refused.StatusCode == HttpStatusCode.NotFound, $"{role} posting a processor: {(int)refused.StatusCode}");
        }

        using (var foreign = await host.ForeignDpo.PostFormAsync("/start", Processor("Weigering buitenlandse DPO"), $"/gemeenten/{Own}/registers/verwerker"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        Assert.Equal(before, await host.QueryAsync(db => db.Processors.CountAsync()));
        using var read = await host[Role.MunicipalDpo].GetAsync($"/gemeenten/{Own}/registers");
        var html = await read.Content.ReadAsStringAsync();
        Assert.Contains($"/gemeenten/{Own}/registers/verwerker", html, StringComparison.Ordinal);
        var agencyView = await host[Role.AgencyDpo].GetPageAsync($"/gemeenten/{Own}/registers");
        Assert.DoesNotContain($"/gemeenten/{Own}/registers/verwerker", agencyView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherMunicipalitysProcessorOrProfileIdUnderOnesOwnNisAnswers404AndChangesNothing()
    {
        var foreignId = await host.MunicipalityIdAsync(Foreign);
        var (processorId, profileId) = await host.QueryAsync(async db =>
        {
            var processor = new Processor
            {
                MunicipalityId = foreignId, Name = "Vilvoordse hosting", Purpose = "opslag", AgreementDate = new DateOnly(2024, 1, 2),
                Status = ProcessorStatus.Active, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Processors.Add(processor);
            await db.SaveChangesAsync();
            var profile = await db.FunctionProfiles.Where(p => p.MunicipalityId == foreignId).Select(p => p.Id).FirstAsync();
            return (processor.Id, profile);
        });
        var dpo = host[Role.MunicipalDpo];
        var deniedBefore = await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "access.denied" && e.Municipality == Own));

        foreach (var path in new[] { $"/gemeenten/{Own}/registers/verwerker?id={processorId}", $"/gemeenten/{Own}/registers/functieprofiel?id={profileId}" })
        {
            using var get = await dpo.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        }

        using (var post = await dpo.PostFormAsync("/start", Processor("Overgenomen"), $"/gemeenten/{Own}/registers/verwerker?id={processorId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        using (var rename = await dpo.PostFormAsync("/start", new Dictionary<string, string> { ["Name"] = "Overgenomen" }, $"/gemeenten/{Own}/registers/functieprofiel?id={profileId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        }

        using (var retire = await dpo.PostFormAsync("/start", new Dictionary<string, string>(), $"/gemeenten/{Own}/registers/functieprofiel?handler=Retire&id={profileId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, retire.StatusCode);
        }

        Assert.Equal("Vilvoordse hosting", await host.QueryAsync(db => db.Processors.Where(p => p.Id == processorId).Select(p => p.Name).SingleAsync()));
        var profile = await host.QueryAsync(db => db.FunctionProfiles.AsNoTracking().SingleAsync(p => p.Id == profileId));
        Assert.NotEqual("Overgenomen", profile.Name);
        Assert.Null(profile.RetiredAt);
        Assert.True(await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "access.denied" && e.Municipality == Own)) >= deniedBefore + 5,
            "every probe of a foreign id is recorded as denied access");
    }

    [Fact]
    public async Task TheAgencyOverviewIsForItsAccessAdministratorsAndDpoAndOnlyTheAgencyDpoKeepsTheAgencysDpoContact()
    {
        foreach (var role in Roles.All)
        {
            using var overview = await host[role].GetAsync("/agentschap/registers");
            Assert.True((role is Role.AgencyAccessAdministrator or Role.AgencyDpo ? HttpStatusCode.OK : HttpStatusCode.Forbidden) == overview.StatusCode, $"overview as {role}");
            using var dpo = await host[role].GetAsync("/agentschap/registers/dpo");
            Assert.True((role == Role.AgencyDpo ? HttpStatusCode.OK : HttpStatusCode.Forbidden) == dpo.StatusCode, $"agency DPO form as {role}");
        }

        var html = await host[Role.AgencyAccessAdministrator].GetPageAsync("/agentschap/registers");
        Assert.Contains($"/gemeenten/{Own}/registers", html, StringComparison.Ordinal);
        Assert.Contains($"/gemeenten/{Foreign}/registers", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/agentschap/registers/dpo", html, StringComparison.Ordinal);
        Assert.Contains("/agentschap/registers/dpo", await host[Role.AgencyDpo].GetPageAsync("/agentschap/registers"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNavigationAndTheStartPageLinkTheRegistersOnlyForThoseWhoMayUseThem()
    {
        Assert.Contains($"href=\"/gemeenten/{Own}/registers\"", await host[Role.MunicipalDpo].GetPageAsync($"/gemeenten/{Own}"), StringComparison.Ordinal);
        Assert.DoesNotContain("/registers", await host[Role.MunicipalCaseWorker].GetPageAsync($"/gemeenten/{Own}"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/gemeenten/{Own}/registers\"", await host[Role.MunicipalDpo].GetPageAsync("/start"), StringComparison.Ordinal);
        foreach (var role in Roles.All)
        {
            var start = await host[role].GetPageAsync("/start");
            Assert.True(start.Contains("href=\"/agentschap/registers\"", StringComparison.Ordinal) == role is Role.AgencyAccessAdministrator or Role.AgencyDpo, $"start page of {role}");
        }
    }

    internal static Dictionary<string, string> Processor(string name, string status = "actief") => new()
    {
        ["Form.Name"] = name, ["Form.Purpose"] = "opslag van de mailbox", ["Form.AgreementDate"] = "15/01/2024", ["Form.Status"] = status,
    };
}
