using System.Text;
using Pnx.Cli;
using Pnx.Imports;
using Pnx.Newcomers;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Exports;

public sealed class CsvExportTests
{
    private static async Task<string> ExportCsvAsync(params Newcomer[] newcomers)
    {
        var (database, cli) = await ExportFixture.HalleAsync();
        await using var _ = database;
        await ExportFixture.SeedAsync(database, "23027", newcomers);
        var path = ExportFixture.OutPath(database, "csv");
        var run = await cli.RunExpectingAsync(ExitCodes.Done, "export", "--municipality", "23027", "--format", "csv", "--out", path);
        Assert.Equal($"23027 Halle: {newcomers.Count(n => n.WithdrawnAt is null && n.ErasedAt is null)} newcomers exported to {path}", run.Out.TrimEnd());
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    [Fact]
    public async Task CsvHasBomSemicolonsCrlfAndExactlyTheImportHeader()
    {
        var text = await ExportCsvAsync(ExportFixture.Newcomer("D-1"));

        Assert.StartsWith(string.Join(';', NewcomerColumns.All) + "\r\n", text, StringComparison.Ordinal);
        Assert.Equal(
            "Dossiernummer;Naam;Voornaam;Straat;Huisnummer;Bus;Postcode;Woonplaats;Telefoon;E-mail;Contacttaal;Niveau Nederlands;Status MO;Interesses en noden;Datum inburgeringsattest;NIS-code gemeente",
            text.Split("\r\n")[0]);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvValuesAreFormattedAsTheImportReadsThem()
    {
        var full = ExportFixture.Newcomer("D-1");
        full.Street = "Kerkstraat";
        full.HouseNumber = "12";
        full.Box = "B";
        full.PostalCode = "1500";
        full.City = "Halle";
        full.Phone = "+32470123456";
        full.Email = "an.peeters@example.be";
        full.ContactLanguage = "prs";
        full.DutchLevel = DutchLevel.B1;
        full.CivicOrientationStatus = CivicOrientationStatus.Failed;
        full.Interests = InterestsAndNeeds.Buddy | InterestsAndNeeds.Volunteering;
        full.CertificateDate = new DateOnly(2026, 3, 1);
        var nothingGiven = ExportFixture.Newcomer("D-2", "Janssens", "Jan");
        nothingGiven.DutchLevel = DutchLevel.Geen;
        nothingGiven.Interests = InterestsAndNeeds.Geen;

        var lines = (await ExportCsvAsync(nothingGiven, full)).Split("\r\n");

        Assert.Equal("D-1;Peeters;An;Kerkstraat;12;B;1500;Halle;+32470123456;an.peeters@example.be;prs;B1;niet geslaagd;buddy | vrijwilligerswerk;2026-03-01;23027", lines[1]);
        Assert.Equal("D-2;Janssens;Jan;;;;;;;;;geen;;geen;;23027", lines[2]);
        Assert.Equal(4, lines.Length);
        Assert.Equal("", lines[3]);
    }

    [Fact]
    public async Task CsvQuotesValuesHoldingSemicolonsQuotesOrLineBreaks()
    {
        var semicolon = ExportFixture.Newcomer("D-1");
        semicolon.Street = "Kerkstraat; achterbouw";
        var quote = ExportFixture.Newcomer("D-2", "O\"Neil");
        var lineBreak = ExportFixture.Newcomer("D-3");
        lineBreak.Street = "Molenweg\r\nachteraan";

        var text = await ExportCsvAsync(semicolon, quote, lineBreak);

        Assert.Contains("\r\nD-1;Peeters;An;\"Kerkstraat; achterbouw\";;", text, StringComparison.Ordinal);
        Assert.Contains("\r\nD-2;\"O\"\"Neil\";An;;", text, StringComparison.Ordinal);
        Assert.Contains("\r\nD-3;Peeters;An;\"Molenweg\r\nachteraan\";;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvNeutralisesFormulaTriggersButNotAnE164Phone()
    {
        var risky = ExportFixture.Newcomer("D-1", "=cmd", "+x");
        risky.Street = "-1";
        risky.City = "@a";
        risky.HouseNumber = "\t7";
        risky.Box = "\r1";
        risky.Phone = "+3223659900";

        var lines = (await ExportCsvAsync(risky)).Split("\r\n");

        Assert.StartsWith("D-1;'=cmd;'+x;'-1;'\t7;\"'\r1\";;'@a;+3223659900;", string.Join("\r\n", lines[1..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvHoldsOnlyCurrentNewcomersInDossierOrder()
    {
        var withdrawn = ExportFixture.Newcomer("D-2");
        withdrawn.WithdrawnAt = PnxCli.DefaultNow.UtcDateTime;
        var erased = ExportFixture.Newcomer("D-4");
        erased.ErasedAt = PnxCli.DefaultNow.UtcDateTime;

        var lines = (await ExportCsvAsync(ExportFixture.Newcomer("D-3"), withdrawn, ExportFixture.Newcomer("D-1"), erased))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["D-1", "D-3"], lines[1..].Select(l => l.Split(';')[0]));
    }
}
