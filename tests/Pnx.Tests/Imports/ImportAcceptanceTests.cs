using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Cli;
using Pnx.Newcomers;
using Pnx.Tests.Imports.Reading;

namespace Pnx.Tests.Imports;

/// <summary>The forms the agency's export arrives in are all accepted and stored normalised (contract §4).</summary>
public sealed class ImportAcceptanceTests
{
    private static async Task<Newcomer> ImportOneAsync(ImportWorkspace workspace, string name, byte[] content)
    {
        var run = await workspace.ImportAsync(workspace.Write(name, content));
        Assert.True(run.ExitCode == ExitCodes.Done, run.ToString());
        Assert.Equal("23027 Halle: 1 created, 0 updated, 0 unchanged, 0 withdrawn", run.Out.Trim());
        await using var db = workspace.Database.Open();
        return await db.Newcomers.SingleAsync();
    }

    public static TheoryData<string, byte[]> CsvForms
    {
        get
        {
            const string header = "Dossiernummer;Naam;Voornaam;Contacttaal;Telefoon;Interesses en noden";
            const string row = "D-1;Hélène;Olena;Oekraïens;0470 12 34 56;buddy|2";
            return new()
            {
                { "UTF-8 without BOM", new UTF8Encoding(false).GetBytes(header + "\r\n" + row + "\r\n") },
                { "UTF-8 with BOM", [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes(header + "\n" + row + "\n")] },
                { "Windows-1252", Encoding.GetEncoding(1252).GetBytes(header + "\r\n" + row + "\r\n") },
                { "comma", Encoding.UTF8.GetBytes(header.Replace(';', ',') + "\r\n" + row.Replace(';', ',') + "\r\n") },
                { "tab", Encoding.UTF8.GetBytes(header.Replace(';', '\t') + "\r\n" + row.Replace(';', '\t') + "\r\n") },
                { "header case and spacing", Encoding.UTF8.GetBytes("  DOSSIERNUMMER ; naam;VoorNaam; contacttaal ;TELEFOON;interesses EN noden\r\n" + row + "\r\n") },
                { "quoted delimiters and line breaks", Encoding.UTF8.GetBytes(header + "\r\n\"D-1\";\"Hélène\";\"Olena\";Oekraïens;\"0470 12 34 56\";\"buddy\nNederlands oefenen\"\r\n") },
            };
        }
    }

    static ImportAcceptanceTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [MemberData(nameof(CsvForms))]
    public async Task CsvFormIsAcceptedAndNormalised(string form, byte[] content)
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        var newcomer = await ImportOneAsync(workspace, "newcomers.csv", content);
        Assert.True(newcomer.FamilyName == "Hélène", form);
        Assert.Equal("uk", newcomer.ContactLanguage);
        Assert.Equal("+32470123456", newcomer.Phone);
        Assert.Equal(InterestsAndNeeds.Buddy | InterestsAndNeeds.PractiseDutch, newcomer.Interests);
    }

    [Theory]
    [InlineData("0470 12 34 56", "+32470123456")]
    [InlineData("+32 2 365 99 00", "+3223659900")]
    [InlineData("0032 2 365 99 00", "+3223659900")]
    [InlineData("02/365.99.00", "+3223659900")]
    public async Task BelgianPhoneFormsAreStoredAsE164(string written, string stored)
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        var newcomer = await ImportOneAsync(workspace, "newcomers.csv", Encoding.UTF8.GetBytes($"Dossiernummer;Naam;Voornaam;Telefoon\r\nD-1;Peeters;An;{written}\r\n"));
        Assert.Equal(stored, newcomer.Phone);
    }

    [Fact]
    public async Task WorkbookAsExcelSavesItAfterOpeningTheCsvIsAccepted()
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        var workbook = TestWorkbooks.Create(
            new TestSheet("Blad1", ["niets"]),
            new TestSheet("Inburgeraars",
                ["Dossiernummer", "Naam", "Voornaam", "Postcode", "Huisnummer", "Datum inburgeringsattest", "Interesses en noden"],
                ["D-1", new TestCell.Inline("Peeters"), "An", 1500d, 12d, new TestCell.Date(new DateOnly(2026, 3, 1)), "3;8"]));
        var newcomer = await ImportOneAsync(workspace, "export.xlsx", workbook);
        Assert.Equal("1500", newcomer.PostalCode);
        Assert.Equal("12", newcomer.HouseNumber);
        Assert.Equal(new DateOnly(2026, 3, 1), newcomer.CertificateDate);
        Assert.Equal(InterestsAndNeeds.LearnCourse | InterestsAndNeeds.Volunteering, newcomer.Interests);
    }

    [Fact]
    public async Task FileIsRecognisedByContentNotByExtension()
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        var workbook = TestWorkbooks.Create(["Dossiernummer", "Naam", "Voornaam"], ["D-1", "Peeters", "An"]);
        var newcomer = await ImportOneAsync(workspace, "export.csv", workbook);
        Assert.Equal("Peeters", newcomer.FamilyName);
    }

    [Fact]
    public async Task TheSameFileTwiceChangesNothingTheSecondTime()
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        var path = workspace.Write("newcomers.csv", ImportWorkspace.Csv(25));
        Assert.Equal("23027 Halle: 25 created, 0 updated, 0 unchanged, 0 withdrawn", (await workspace.ImportAsync(path)).Out.Trim());
        var state = await workspace.StateAsync();
        Assert.Equal("23027 Halle: 0 created, 0 updated, 25 unchanged, 0 withdrawn", (await workspace.ImportAsync(path)).Out.Trim());
        Assert.Equal(state.Split("\naudit:")[0], (await workspace.StateAsync()).Split("\naudit:")[0]);
    }

    [Fact]
    public async Task DryRunPrintsWhatWouldHappenAndWritesNothing()
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        var before = await workspace.StateAsync();
        var run = await workspace.ImportAsync(workspace.Write("newcomers.csv", ImportWorkspace.Csv(5)), "--dry-run");
        Assert.Equal(ExitCodes.Done, run.ExitCode);
        Assert.Contains("23027 Halle: 5 created, 0 updated, 0 unchanged, 0 withdrawn", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, await workspace.StateAsync());
    }

    [Fact]
    public async Task FileWithMunicipalityColumnNeedsNoOption()
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        var content = "Dossiernummer;Naam;Voornaam;NIS-code gemeente\r\nD-1;Peeters;An;23027\r\nD-2;Janssens;Jan;44021\r\nD-3;Claes;Els;44021\r\n";
        var run = await workspace.Cli.RunAsync("import", "--file", workspace.Write("all.csv", content));
        Assert.Equal(ExitCodes.Done, run.ExitCode);
        Assert.Equal(
            "23027 Halle: 1 created, 0 updated, 0 unchanged, 0 withdrawn\n44021 Gent: 2 created, 0 updated, 0 unchanged, 0 withdrawn",
            run.Out.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task UsageErrorsExitTwo()
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        Assert.Equal(ExitCodes.Usage, (await workspace.Cli.RunAsync("import")).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await workspace.Cli.RunAsync("import", "--file", "x.csv", "--mode", "merge")).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await workspace.Cli.RunAsync("import", "--file", "x.csv", "--bogus")).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await workspace.Cli.RunAsync("frobnicate")).ExitCode);
    }

    [Fact]
    public async Task NoActiveProtocolIsRefusedByPolicy()
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        await workspace.Cli.RunExpectingAsync(ExitCodes.Done, "municipality", "add", "--nis", "11002", "--name", "Antwerpen");
        var run = await workspace.Cli.RunAsync("import", "--file", workspace.Write("a.csv", ImportWorkspace.Csv(2)), "--municipality", "11002");
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("11002", run.Error, StringComparison.Ordinal);
    }
}
