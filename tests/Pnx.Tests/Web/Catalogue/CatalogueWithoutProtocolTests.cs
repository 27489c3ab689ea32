using System.Net;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Hosting;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Catalogue;

/// <summary>The catalogue holds no personal data: it stays usable when the municipality's protocol has ended, the newcomers do not.</summary>
public sealed class CatalogueWithoutProtocolTests : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync()
    {
        _web = await TestWeb.StartAsync(limits: new WebLimits(SignInsPerMinute: 1000, ReadsPerMinute: 100000));
        await using var db = _web.Database.Open();
        await db.Protocols.Where(p => p.Municipality!.NisCode == "23088").ExecuteUpdateAsync(s => s.SetProperty(p => p.TerminatedAt, DateTime.UtcNow));
    }

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task CatalogueStaysUsableWhenTheProtocolEndedButNewcomersAndFittingCandidatesAreGone()
    {
        using var manager = await _web.SignInAsync(Role.MunicipalOfferManager, "23088");
        using var caseWorker = await _web.SignInAsync(Role.MunicipalCaseWorker, "23088");
        int id;
        await using (var db = _web.Database.Open())
        {
            id = await db.Activities.Where(a => a.Municipality!.NisCode == "23088").Select(a => a.Id).FirstAsync();
        }

        Assert.Contains("Nieuwe activiteit", await manager.GetPageAsync("/gemeenten/23088/aanbod"), StringComparison.Ordinal);
        await manager.GetPageAsync("/gemeenten/23088/aanbod/nieuw");
        await manager.GetPageAsync($"/gemeenten/23088/aanbod/{id}/bewerken");
        var detail = await caseWorker.GetPageAsync($"/gemeenten/23088/aanbod/{id}");
        Assert.DoesNotContain("/kandidaten", detail, StringComparison.Ordinal);
        using var newcomers = await caseWorker.GetAsync("/gemeenten/23088/inburgeraars");
        Assert.Equal(HttpStatusCode.NotFound, newcomers.StatusCode);
    }
}
