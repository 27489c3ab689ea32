using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Newcomers;
using static Pnx.Tests.Web.Catalogue.CatalogueHost;

namespace Pnx.Tests.Web.Catalogue;

/// <summary>Offer managers keep their own catalogue in the browser: create, edit with a version, deactivate, reactivate.</summary>
[Collection(CatalogueHost.Collection)]
public sealed class CatalogueEditingTests(CatalogueHost host)
{
    [Fact]
    public async Task OfferManagerCreatesAnActivityThatAppearsInTheCatalogue()
    {
        var id = await host.CreateAsync("Fietsles voor beginners", new Dictionary<string, string>
        {
            ["Form.Description"] = "Leren fietsen.\r\nOp een veilige plek.",
            ["Form.ContactEmail"] = "fiets@Buurthuis.BE",
            ["Form.ContactPhone"] = "0470 12 34 56",
            ["Form.Free"] = "true",
            ["Form.Languages"] = "Arabisch; fr",
            ["Form.Capacity"] = "12",
            ["Form.From"] = "2026-01-05",
            ["Form.To"] = "2030-06-30",
            ["Form.SharedWith[0]"] = Vilvoorde,
        });

        var activity = await host.ActivityAsync(id);
        var halle = await host.QueryAsync(db => db.Municipalities.SingleAsync(m => m.NisCode == Halle));
        Assert.Equal(halle.Id, activity.MunicipalityId);
        Assert.Equal(("Leren fietsen.\nOp een veilige plek.", "fiets@buurthuis.be", "+32470123456", "ar,fr"), (activity.Description, activity.ContactEmail, activity.ContactPhone, activity.Languages));
        Assert.Equal(InterestsAndNeeds.PractiseDutch | InterestsAndNeeds.SportAndExercise, activity.Categories);
        Assert.Equal((true, 12, 2.5, 1), (activity.Free, activity.Capacity, activity.Hours, activity.Version));
        Assert.Single(activity.SharedWith);
        var client = await host.ClientAsync(Role.MunicipalOfferManager);
        var detail = WebUtility.HtmlDecode(await client.GetPageAsync($"/gemeenten/{Halle}/aanbod/{id}?opgeslagen=nieuw"));
        Assert.Contains("De activiteit is aangemaakt.", detail, StringComparison.Ordinal);
        Assert.Contains("Vilvoorde (23088)", detail, StringComparison.Ordinal);
        Assert.Contains($"href=\"/gemeenten/{Halle}/aanbod/{id}/bewerken\"", detail, StringComparison.Ordinal);
        var list = await client.GetPageAsync($"/gemeenten/{Halle}/aanbod?zoek=fietsles");
        Assert.Contains($"href=\"/gemeenten/{Halle}/aanbod/{id}\"", list, StringComparison.Ordinal);
        Assert.True(await host.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "activity.create" && e.Detail == $"activity {id}, version 1")));
    }

    [Fact]
    public async Task AnInvalidFormIsRefusedWithDutchMessagesPerFieldAndSavesNothing()
    {
        var client = await host.ClientAsync(Role.MunicipalOfferManager);
        var count = await host.QueryAsync(db => db.Activities.CountAsync());
        var fields = NewActivity("");
        fields["Form.PostalCode"] = "12";
        fields["Form.Hours"] = "veel";
        fields["Form.To"] = "2020-01-01";
        fields["Form.From"] = "2021-01-01";

        using var response = await client.PostFormAsync($"/gemeenten/{Halle}/aanbod/nieuw", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("De activiteit werd niet opgeslagen", html, StringComparison.Ordinal);
        Assert.Contains("Titel</a>: is verplicht maar leeg", html, StringComparison.Ordinal);
        Assert.Contains("\"12\" is geen Belgische postcode (vier cijfers, 1000-9999)", html, StringComparison.Ordinal);
        Assert.Contains("\"veel\" is geen aantal uren van 0,5 tot 1000", html, StringComparison.Ordinal);
        Assert.Contains("\"2020-01-01\" ligt vóór Van (01/01/2021)", html, StringComparison.Ordinal);
        Assert.Contains("value=\"veel\"", html, StringComparison.Ordinal);
        Assert.Equal(count, await host.QueryAsync(db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task APartnerThatIsTheMunicipalityItselfIsRefused()
    {
        var client = await host.ClientAsync(Role.MunicipalOfferManager);
        var fields = NewActivity("Zelf gedeeld");
        fields["Form.SharedWith[0]"] = Halle;

        using var response = await client.PostFormAsync($"/gemeenten/{Halle}/aanbod/nieuw", fields);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("\"23027\" is uw eigen gemeente", html, StringComparison.Ordinal);
        Assert.False(await host.QueryAsync(db => db.Activities.AnyAsync(a => a.Title == "Zelf gedeeld")));
    }

    [Fact]
    public async Task OfferManagerEditsAnActivityAndAStaleEditIsRefusedWithAClearMessage()
    {
        var id = await host.CreateAsync("Schaakclub De Toren");
        var client = await host.ClientAsync(Role.MunicipalOfferManager);
        var page = $"/gemeenten/{Halle}/aanbod/{id}/bewerken";
        var form = WebUtility.HtmlDecode(await client.GetPageAsync(page));
        Assert.Contains("name=\"Form.Version\" value=\"1\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"Schaakclub De Toren\"", form, StringComparison.Ordinal);

        var first = NewActivity("Schaakclub De Toren (vrijdag)");
        first["Form.Version"] = "1";
        using (var saved = await client.PostFormAsync(page, first))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal($"/gemeenten/{Halle}/aanbod/{id}?opgeslagen=bewerkt", saved.Headers.Location?.OriginalString);
        }

        var stale = NewActivity("Schaakclub (verouderd formulier)");
        stale["Form.Version"] = "1";
        using var refused = await client.PostFormAsync(page, stale);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Iemand anders heeft deze activiteit intussen gewijzigd. Uw wijziging werd niet opgeslagen.", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Version\" value=\"2\"", html, StringComparison.Ordinal);
        var activity = await host.ActivityAsync(id);
        Assert.Equal(("Schaakclub De Toren (vrijdag)", 2), (activity.Title, activity.Version));
    }

    [Fact]
    public async Task OfferManagerDeactivatesAndReactivatesAndTheStatusFilterFollows()
    {
        var id = await host.CreateAsync("Yoga op zondag");
        var client = await host.ClientAsync(Role.MunicipalOfferManager);
        var detail = $"/gemeenten/{Halle}/aanbod/{id}";
        var edit = detail + "/bewerken";

        using (var off = await client.PostFormAsync(detail, new Dictionary<string, string> { ["Version"] = "1" }, edit + "?handler=Deactivate"))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        Assert.NotNull((await host.ActivityAsync(id)).DeactivatedAt);
        Assert.Contains($"href=\"{detail}\"", await client.GetPageAsync($"/gemeenten/{Halle}/aanbod?status=inactief&zoek=yoga+op+zondag"), StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{detail}\"", await client.GetPageAsync($"/gemeenten/{Halle}/aanbod?status=actief&zoek=yoga+op+zondag"), StringComparison.Ordinal);
        Assert.Contains("Opnieuw activeren", await client.GetPageAsync(detail), StringComparison.Ordinal);

        using (var stale = await client.PostFormAsync(detail, new Dictionary<string, string> { ["Version"] = "1" }, edit + "?handler=Reactivate"))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using (var on = await client.PostFormAsync(detail, new Dictionary<string, string> { ["Version"] = "2" }, edit + "?handler=Reactivate"))
        {
            Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        }

        var activity = await host.ActivityAsync(id);
        Assert.Equal((null, 3), (activity.DeactivatedAt, activity.Version));
        var entries = await host.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "activity.create" || e.Action == "activity.deactivate" || e.Action == "activity.reactivate")
            .OrderBy(e => e.Seq).Select(e => new { e.Action, e.Detail }).ToListAsync());
        var prefix = $"activity {id.ToString(CultureInfo.InvariantCulture)},";
        Assert.Equal(["activity.create", "activity.deactivate", "activity.reactivate"], entries.Where(e => e.Detail!.StartsWith(prefix, StringComparison.Ordinal)).Select(e => e.Action));
    }

    [Fact]
    public async Task SearchIgnoresCaseAndAccentsAndCoversTheOrganiser()
    {
        var id = await host.CreateAsync("Crème Brûlée-atelier", new Dictionary<string, string> { ["Form.Organiser"] = "Kookschool Élan" });
        var client = await host.ClientAsync(Role.MunicipalCaseWorker);
        var link = $"href=\"/gemeenten/{Halle}/aanbod/{id}\"";

        Assert.Contains(link, await client.GetPageAsync($"/gemeenten/{Halle}/aanbod?zoek=CREME+brulee"), StringComparison.Ordinal);
        Assert.Contains(link, await client.GetPageAsync($"/gemeenten/{Halle}/aanbod?zoek=kookschool+elan"), StringComparison.Ordinal);
        Assert.Contains(link, await client.GetPageAsync($"/gemeenten/{Halle}/aanbod?zoek=creme&categorie=6"), StringComparison.Ordinal);
        Assert.DoesNotContain(link, await client.GetPageAsync($"/gemeenten/{Halle}/aanbod?zoek=creme&categorie=1"), StringComparison.Ordinal);
    }
}
