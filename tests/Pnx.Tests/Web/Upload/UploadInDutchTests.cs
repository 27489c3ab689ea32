using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Cli;
using Pnx.Imports;
using Pnx.Imports.Upload;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Upload;

/// <summary>The upload page speaks Dutch: every problem with its row, column, refused value and what is expected; refusals name the page's controls.</summary>
public sealed class UploadInDutchTests : IAsyncLifetime
{
    private const string Page = "/agentschap/import";
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private const string AllColumns =
        "Dossiernummer;Naam;Voornaam;Postcode;Telefoon;E-mail;Contacttaal;Niveau Nederlands;Status MO;Interesses en noden;Datum inburgeringsattest;NIS-code gemeente";

    private static readonly byte[] EveryKindOfCellProblem = Csv(
        AllColumns,
        "W-0001;Peeters;Anna;123;12;anna@;xx;B3;half;13;31/02/2024;2302",
        "W 0002;;Bram;1000;0470 12 34 56;bram@voorbeeld.be;nl;A2;geslaagd;geen|1;01/01/1999;23027",
        "W-0003;Janssens;Bram;1000;0470 12 34 56;bram@voorbeeld.be;nl;A2;geslaagd;1;01/01/2099;23027",
        "W-0003;Janssens;Bram;1000;0470 12 34 56;bram@voorbeeld.be;Oekraïens;A2;geslaagd;1;2024-13-01;23027");

    private async Task<string> PreviewAsync(byte[] file, Dictionary<string, string> fields, string name = "inburgeraars.csv")
    {
        using var client = await _web.SignInAsync(Role.AgencyDataSteward);
        using var response = await client.PostFileAsync(Page, Page + "?handler=Preview", "file", name, file, fields);
        return WebUtility.HtmlDecode(await client.UploadLandingAsync(response));
    }

    [Fact]
    public async Task EveryProblemTheImportGivesHasADutchRendering()
    {
        var path = Path.Combine(_web.Database.Settings.DataDir, "elk-probleem.csv");
        await File.WriteAllBytesAsync(path, EveryKindOfCellProblem);
        await using var db = _web.Database.Open();
        var outcome = await NewcomerImport.RunAsync(db, TimeProvider.System, path, new ImportOptions(DryRun: true));
        Assert.Equal(ExitCodes.Rejected, outcome.ExitCode);
        Assert.True(outcome.Errors.Count >= 14, string.Join(Environment.NewLine, outcome.Errors));
        foreach (var error in outcome.Errors)
        {
            var dutch = DutchProblems.Dutch(error, "elk-probleem.csv", out var translated);
            Assert.True(translated, "no Dutch for: " + error);
            Assert.StartsWith("Rij ", dutch, StringComparison.Ordinal);
            Assert.Contains(", kolom \"", dutch, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CellProblemsNameRowColumnRefusedValueAndWhatIsExpectedInDutch()
    {
        var html = await PreviewAsync(EveryKindOfCellProblem, new Dictionary<string, string> { ["Mode"] = "upsert" });
        Assert.Contains("Rij 2, kolom \"Telefoon\": is geen geldig telefoonnummer; verwacht: een Belgisch nummer zoals 0470 12 34 56", html, StringComparison.Ordinal);
        Assert.Contains("Rij 2, kolom \"Niveau Nederlands\": \"B3\" staat niet in de lijst; verwacht: één van A", html, StringComparison.Ordinal);
        Assert.Contains("Rij 2, kolom \"Contacttaal\": \"xx\" is geen gekende taal; verwacht:", html, StringComparison.Ordinal);
        Assert.Contains("Rij 2, kolom \"NIS-code gemeente\": \"2302\" is geen NIS-code; verwacht: vijf cijfers", html, StringComparison.Ordinal);
        Assert.Contains("Rij 3, kolom \"Naam\": is verplicht maar leeg", html, StringComparison.Ordinal);
        Assert.Contains("Rij 5, kolom \"Dossiernummer\": is hetzelfde dossiernummer als in rij 4", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not a valid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("row 2", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithoutTheNisColumnAsksForTheMunicipalityAndImportsIntoTheOneChosen()
    {
        var file = Csv("Dossiernummer;Naam;Voornaam;Niveau Nederlands", "W-0101;Peeters;Anna;A2");
        var refused = await PreviewAsync(file, new Dictionary<string, string> { ["Mode"] = "upsert" });
        Assert.Contains("Het bestand zegt niet voor welke gemeente het is", refused, StringComparison.Ordinal);
        Assert.Contains("Kies de gemeente in het veld \"Gemeente\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("--municipality", refused, StringComparison.Ordinal);
        Assert.Contains("<select id=\"gemeente\" name=\"Municipality\"", refused, StringComparison.Ordinal);

        var preview = await PreviewAsync(file, new Dictionary<string, string> { ["Mode"] = "upsert", ["Municipality"] = "23088" });
        Assert.Contains("Voorbeeld: dit zou er veranderen", preview, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">23088 Vilvoorde</th>\\s*<td class=\"num\">1</td>", preview);
        Assert.Contains("<input type=\"hidden\" name=\"Municipality\" value=\"23088\">", preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMunicipalitySelectOffersOnlyMunicipalitiesWithAnActiveProtocolAndRefusesOthers()
    {
        await PnxCli.For(_web.Database).RunExpectingAsync(ExitCodes.Done, "municipality", "add", "--nis", "11002", "--name", "Antwerpen");
        using var client = await _web.SignInAsync(Role.AgencyDataSteward);
        var form = await client.GetPageAsync(Page);
        await using (var db = _web.Database.Open())
        {
            foreach (var nis in await db.Municipalities.Where(m => m.NisCode != "11002").Select(m => m.NisCode).ToListAsync())
                Assert.Contains($"<option value=\"{nis}\">", form, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("value=\"11002\"", form, StringComparison.Ordinal);
        var file = Csv("Dossiernummer;Naam;Voornaam;Niveau Nederlands", "W-0102;Peeters;Anna;A2");
        var refused = await PreviewAsync(file, new Dictionary<string, string> { ["Mode"] = "upsert", ["Municipality"] = "11002" });
        Assert.Contains("Kies een gemeente uit de lijst", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Voorbeeld: dit zou er veranderen", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMassWithdrawalIsRefusedPointingToTheCheckboxOnThePage()
    {
        var file = Csv("Dossiernummer;Naam;Voornaam;Niveau Nederlands;NIS-code gemeente", "W-0201;Peeters;Anna;A2;23027");
        var refused = await PreviewAsync(file, new Dictionary<string, string> { ["Mode"] = "snapshot" });
        Assert.Contains("Het opladen werd geweigerd door het protocol", refused, StringComparison.Ordinal);
        Assert.Matches("Deze momentopname zou \\d+ van de \\d+ inburgeraars van 23027 Halle intrekken\\. Is dat de bedoeling, vink dan \"Massale intrekking toestaan\" aan", refused);
        Assert.DoesNotContain("allow-mass-withdrawal", refused, StringComparison.Ordinal);
        Assert.Contains("name=\"AllowMassWithdrawal\"", refused, StringComparison.Ordinal);
        Assert.Contains("Massale intrekking toestaan (meer dan de helft", refused, StringComparison.Ordinal);
    }
}
