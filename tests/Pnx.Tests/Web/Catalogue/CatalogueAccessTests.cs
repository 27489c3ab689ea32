using System.Net;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using static Pnx.Tests.Web.Catalogue.CatalogueHost;

namespace Pnx.Tests.Web.Catalogue;

/// <summary>Who sees and who keeps which activity: case workers read, partners read shared offer, owners' offer managers edit.</summary>
[Collection(CatalogueHost.Collection)]
public sealed class CatalogueAccessTests(CatalogueHost host)
{
    [Fact]
    public async Task CaseWorkerSeesTheCatalogueReadOnlyWithALinkToFittingNewcomersButCannotEdit()
    {
        var id = await host.CreateAsync("Koor voor iedereen");
        var client = await host.ClientAsync(Role.MunicipalCaseWorker);
        var detail = $"/gemeenten/{Halle}/aanbod/{id}";

        var list = await client.GetPageAsync($"/gemeenten/{Halle}/aanbod");
        var page = await client.GetPageAsync(detail);

        Assert.DoesNotContain("Nieuwe activiteit", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"{detail}/bewerken", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{detail}/kandidaten\"", page, StringComparison.Ordinal);
        foreach (var path in new[] { $"{detail}/bewerken", $"/gemeenten/{Halle}/aanbod/nieuw", $"/gemeenten/{Halle}/aanbod/import" })
        {
            using var get = await client.GetAsync(path);
            Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"GET {path}: {(int)get.StatusCode}");
        }

        using var post = await client.PostFormAsync(detail, new Dictionary<string, string> { ["Version"] = "1" }, $"{detail}/bewerken?handler=Deactivate");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        using var create = await client.PostFormAsync(detail, NewActivity("Door een toeleider"), $"/gemeenten/{Halle}/aanbod/nieuw");
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        var activity = await host.ActivityAsync(id);
        Assert.Equal((null, 1), (activity.DeactivatedAt, activity.Version));
        Assert.False(await host.QueryAsync(db => db.Activities.AnyAsync(a => a.Title == "Door een toeleider")));
    }

    [Fact]
    public async Task OfferManagerSeesNoLinkToNewcomersAndNoPersonalData()
    {
        var enrolled = await host.QueryAsync(db => db.Enrolments.AsNoTracking()
            .Where(e => e.Municipality!.NisCode == Halle)
            .Select(e => new { e.ActivityId, e.Newcomer!.DossierNumber, e.Newcomer.GivenNames, e.Newcomer.FamilyName }).FirstAsync());
        var client = await host.ClientAsync(Role.MunicipalOfferManager);

        var page = WebUtility.HtmlDecode(await client.GetPageAsync($"/gemeenten/{Halle}/aanbod/{enrolled.ActivityId}"));
        var list = WebUtility.HtmlDecode(await client.GetPageAsync($"/gemeenten/{Halle}/aanbod"));

        Assert.DoesNotContain("/kandidaten", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/inburgeraars", page + list, StringComparison.Ordinal);
        Assert.DoesNotContain(enrolled.DossierNumber, page + list, StringComparison.Ordinal);
        Assert.DoesNotContain($"{enrolled.GivenNames} {enrolled.FamilyName}", page + list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnerMunicipalitySeesASharedActivityReadOnlyWithItsOwner()
    {
        var id = await host.CreateAsync("Gedeelde buddywerking", new Dictionary<string, string> { ["Form.SharedWith[0]"] = Vilvoorde });
        var partner = await host.ClientAsync(Role.MunicipalOfferManager, Vilvoorde);
        var detail = $"/gemeenten/{Vilvoorde}/aanbod/{id}";

        var list = WebUtility.HtmlDecode(await partner.GetPageAsync($"/gemeenten/{Vilvoorde}/aanbod?zoek=gedeelde+buddywerking"));
        var page = WebUtility.HtmlDecode(await partner.GetPageAsync(detail));

        Assert.Contains($"href=\"{detail}\"", list, StringComparison.Ordinal);
        Assert.Contains("aanbod van Halle", list, StringComparison.Ordinal);
        Assert.Contains("Aanbod van Halle (23027), gedeeld met uw gemeente. Alleen de eigenaar kan het wijzigen.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/bewerken", page, StringComparison.Ordinal);
        foreach (var path in new[] { $"{detail}/bewerken", $"/gemeenten/{Halle}/aanbod/{id}/bewerken", $"/gemeenten/{Halle}/aanbod/{id}" })
        {
            using var get = await partner.GetAsync(path);
            Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"GET {path}: {(int)get.StatusCode}");
        }

        using var post = await partner.PostFormAsync(detail, new Dictionary<string, string> { ["Version"] = "1" }, $"{detail}/bewerken?handler=Deactivate");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null((await host.ActivityAsync(id)).DeactivatedAt);
    }

    [Fact]
    public async Task AnActivityThatIsNotSharedIsNotFoundInAnotherMunicipality()
    {
        var id = await host.CreateAsync("Alleen voor Halle");
        var partner = await host.ClientAsync(Role.MunicipalCaseWorker, Vilvoorde);

        using var response = await partner.GetAsync($"/gemeenten/{Vilvoorde}/aanbod/{id}");
        var list = await partner.GetPageAsync($"/gemeenten/{Vilvoorde}/aanbod?zoek=alleen+voor+halle");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Alleen voor Halle", list, StringComparison.Ordinal);
        Assert.True(await host.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "access.denied" && e.Municipality == Vilvoorde)));
    }
}
