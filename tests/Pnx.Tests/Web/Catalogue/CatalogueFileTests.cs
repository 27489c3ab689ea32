using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Cli;
using Pnx.Tests.Infrastructure;
using static Pnx.Tests.Web.Catalogue.CatalogueHost;

namespace Pnx.Tests.Web.Catalogue;

/// <summary>The activity file in the browser: upload with a preview then apply, and the export download.</summary>
[Collection(CatalogueHost.Collection)]
public sealed partial class CatalogueFileTests(CatalogueHost host)
{
    private const string Upload = "/gemeenten/23027/aanbod/import";

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    [Fact]
    public async Task UploadShowsAPreviewThatWritesNothingThenAppliesTheFile()
    {
        var client = await host.ClientAsync(Role.MunicipalOfferManager);
        var file = Csv("Titel;Organisator;Categorieën;Gedeeld met", "Petanque in het park;Seniorenraad;6;23088", "Breiclub;Buurthuis;5|4;");
        var audit = await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "activity.import"));

        using var preview = await client.PostFileAsync(Upload, Upload + "?handler=Preview", "file", "aanbod.csv", file, new Dictionary<string, string>());
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Voorbeeld: dit zou er veranderen", html, StringComparison.Ordinal);
        Assert.Contains("23027 Halle: 2 activities created, 0 updated,", html, StringComparison.Ordinal);
        Assert.Contains("Nieuw: Petanque in het park", html, StringComparison.Ordinal);
        Assert.False(await host.QueryAsync(db => db.Activities.AnyAsync(a => a.Title == "Petanque in het park")));
        var uploadId = UploadId().Match(html).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{32}$", uploadId);

        using var apply = await client.PostFormAsync(Upload, new Dictionary<string, string> { ["UploadId"] = uploadId }, Upload + "?handler=Apply");

        Assert.Contains("Toegepast: het aanbod is bijgewerkt", await apply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await host.QueryAsync(db => db.Activities.AnyAsync(a => a.Title == "Petanque in het park" && a.SharedWith.Count == 1)));
        Assert.Equal(audit + 1, await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "activity.import")));

        using var again = await client.PostFormAsync(Upload, new Dictionary<string, string> { ["UploadId"] = uploadId }, Upload + "?handler=Apply");
        Assert.Contains("niet meer beschikbaar", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await host.QueryAsync(db => db.Activities.CountAsync(a => a.Title == "Petanque in het park")));
    }

    [Fact]
    public async Task AStagedUploadIsRefusedToAnotherUserAndStaysForItsUploader()
    {
        var halle = await host.ClientAsync(Role.MunicipalOfferManager);
        var vilvoorde = await host.ClientAsync(Role.MunicipalOfferManager, Vilvoorde);
        var file = Csv("Titel;Organisator;Categorieën;Gedeeld met", "Staged elders geweigerd;Buurthuis;5;");
        using var preview = await halle.PostFileAsync(Upload, Upload + "?handler=Preview", "file", "aanbod.csv", file, new Dictionary<string, string>());
        var uploadId = UploadId().Match(WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync())).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{32}$", uploadId);

        const string other = "/gemeenten/23088/aanbod/import";
        using var stolen = await vilvoorde.PostFormAsync(other, new Dictionary<string, string> { ["UploadId"] = uploadId }, other + "?handler=Apply");
        Assert.Contains("niet meer beschikbaar", await stolen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await host.QueryAsync(db => db.Activities.AnyAsync(a => a.Title == "Staged elders geweigerd")));
        Assert.True(await host.QueryAsync(db => db.StagedUploads.AnyAsync(u => u.Key == uploadId)));

        using var apply = await halle.PostFormAsync(Upload, new Dictionary<string, string> { ["UploadId"] = uploadId }, Upload + "?handler=Apply");
        Assert.Contains("Toegepast", await apply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await host.QueryAsync(db => db.Activities.AnyAsync(a => a.Title == "Staged elders geweigerd" && a.Municipality!.NisCode == Halle)));
        Assert.False(await host.QueryAsync(db => db.StagedUploads.AnyAsync(u => u.Key == uploadId)));
    }

    [Fact]
    public async Task UploadOfABadFileListsEveryProblemInDutchAndWritesNothing()
    {
        var client = await host.ClientAsync(Role.MunicipalOfferManager);
        var file = Csv("Titel;Organisator;Categorieën;Capaciteit", "Goed;Bib;1;", ";Bib;1;", "Slecht;Bib;9;nul");

        using var preview = await client.PostFileAsync(Upload, Upload + "?handler=Preview", "file", "fout.csv", file, new Dictionary<string, string>());
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());

        Assert.Contains("Het bestand werd geweigerd", html, StringComparison.Ordinal);
        Assert.Contains("fout.csv: row 3, column \"Titel\": is verplicht maar leeg", html, StringComparison.Ordinal);
        Assert.Contains("fout.csv: row 4, column \"Categorieën\": \"9\" is een nood, geen categorie", html, StringComparison.Ordinal);
        Assert.Contains("fout.csv: row 4, column \"Capaciteit\": \"nul\" is geen geheel getal van 1 tot 100000", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bevestigen en toepassen", html, StringComparison.Ordinal);
        Assert.False(await host.QueryAsync(db => db.Activities.AnyAsync(a => a.Title == "Goed")));
    }

    [Fact]
    public async Task TheExportDownloadImportsBackWithEverythingUnchanged()
    {
        await host.CreateAsync("Exporttest ;\"=1+1\"");
        var client = await host.ClientAsync(Role.MunicipalOfferManager);
        var own = await host.QueryAsync(db => db.Activities.CountAsync(a => a.Municipality!.NisCode == Halle));

        using var response = await client.PostFormAsync($"/gemeenten/{Halle}/aanbod", new Dictionary<string, string> { ["format"] = "csv" }, $"/gemeenten/{Halle}/aanbod/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new UTF8Encoding(true).GetPreamble(), bytes[..3]);
        var path = Path.Combine(host.Web.Database.Settings.DataDir, "download.csv");
        await File.WriteAllBytesAsync(path, bytes);
        var run = await new PnxCli(host.Web.Database.Settings, TimeProvider.System)
            .RunExpectingAsync(ExitCodes.Done, "activity", "import", "--municipality", Halle, "--file", path, "--dry-run");
        Assert.Equal($"23027 Halle: 0 activities created, 0 updated, {own} unchanged", run.Out.Split('\n')[0].Trim());
        Assert.True(await host.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "activity.export" && e.Municipality == Halle)));
    }

    [Fact]
    public async Task TheExcelDownloadIsAWorkbookWithSheetActiviteiten()
    {
        var client = await host.ClientAsync(Role.MunicipalOfferManager, Vilvoorde);

        using var response = await client.PostFormAsync($"/gemeenten/{Vilvoorde}/aanbod", new Dictionary<string, string> { ["format"] = "xlsx" }, $"/gemeenten/{Vilvoorde}/aanbod/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal("Activiteiten", document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name?.Value);
    }

    [GeneratedRegex("name=\"UploadId\" value=\"([0-9a-f]+)\"")]
    private static partial Regex UploadId();
}
