using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Cli;
using Pnx.Tests.Imports.Reading;
using static Pnx.Tests.Activities.CatalogueWorkspace;

namespace Pnx.Tests.Activities;

/// <summary>`pnx activity import`: the file forms of §4, updates by id within the municipality only, all or nothing, dry run, audit.</summary>
public sealed class ActivityImportTests
{
    static ActivityImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, byte[]> CsvForms
    {
        get
        {
            const string header = "Titel;Organisator;Categorieën;Talen";
            const string row = "Café Crème;Buurthuis;2|6;Oekraïens";
            return new()
            {
                { "UTF-8 without BOM", new UTF8Encoding(false).GetBytes(header + "\r\n" + row + "\r\n") },
                { "UTF-8 with BOM", [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes(header + "\n" + row + "\n")] },
                { "Windows-1252", Encoding.GetEncoding(1252).GetBytes(header + "\r\n" + row + "\r\n") },
                { "comma", Encoding.UTF8.GetBytes("Titel,Organisator,Categorieën,Talen\r\nCafé Crème,Buurthuis,\"2|6\",Oekraïens\r\n") },
                { "tab", Encoding.UTF8.GetBytes(header.Replace(';', '\t') + "\r\n" + row.Replace(';', '\t') + "\r\n") },
                { "quoted delimiters and line breaks", Encoding.UTF8.GetBytes(header + "\r\n\"Café Crème\";\"Buurthuis\";\"2\n6\";Oekraïens\r\n") },
            };
        }
    }

    [Theory]
    [MemberData(nameof(CsvForms))]
    public async Task CsvFormIsAccepted(string form, byte[] content)
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();

        var run = await workspace.ImportAsync(workspace.Write("activiteiten.csv", content));

        Assert.True(run.ExitCode == ExitCodes.Done, form + ": " + run);
        var activity = Assert.Single(await workspace.ActivitiesAsync());
        Assert.Equal("Café Crème", activity.Title);
        Assert.Equal("uk", activity.Languages);
    }

    [Fact]
    public async Task WorkbookIsReadFromSheetActiviteitenWithNumbersAndDatesAsText()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();
        var workbook = TestWorkbooks.Create(
            new TestSheet("Blad1", ["niets"]),
            new TestSheet("Activiteiten",
                ["Titel", "Organisator", "Categorieën", "Capaciteit", "Uren", "Van", "Postcode", "Gedeeld met"],
                ["Voetbal", new TestCell.Inline("KFC Halle"), "6", 12d, 1.5d, new TestCell.Date(new DateOnly(2026, 9, 1)), 1500d, 23088d]));

        var run = await workspace.ImportAsync(workspace.Write("aanbod.xlsx", workbook));

        Assert.True(run.ExitCode == ExitCodes.Done, run.ToString());
        var activity = Assert.Single(await workspace.ActivitiesAsync());
        Assert.Equal(12, activity.Capacity);
        Assert.Equal(1.5, activity.Hours);
        Assert.Equal(new DateOnly(2026, 9, 1), activity.From);
        Assert.Equal("1500", activity.PostalCode);
        Assert.Equal("23088", Assert.Single(activity.SharedWith).Municipality!.NisCode);
    }

    [Fact]
    public async Task FormulaCellIsRefusedNamingTheCell()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();
        var workbook = TestWorkbooks.Create(new TestSheet("Activiteiten",
            ["Titel", "Organisator", "Categorieën"],
            ["Voetbal", new TestCell.Formula("CONCAT(\"KFC \",\"Halle\")", "KFC Halle"), "6"]));

        var run = await workspace.ImportAsync(workspace.Write("aanbod.xlsx", workbook));

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Equal(["aanbod.xlsx: row 2, column \"Organisator\": cel B2 bevat een formule; vul de waarde zelf in (gegevens worden nooit door een rekenblad berekend)"], run.ErrorLines);
        Assert.Empty(await workspace.ActivitiesAsync());
    }

    [Fact]
    public async Task FileLevelProblemsAreReportedInDutch()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();

        var empty = await workspace.ImportAsync(workspace.Write("leeg.csv", ""));
        var headerOnly = await workspace.ImportAsync(workspace.Write("kop.csv", "Titel;Organisator;Categorieën\r\n"));
        var missing = await workspace.ImportAsync(workspace.PathOf("bestaat-niet.csv"));
        var binary = await workspace.ImportAsync(workspace.Write("foto.csv", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0, 1, 2, 3]));

        Assert.Equal(["leeg.csv: het bestand is leeg"], empty.ErrorLines);
        Assert.Equal(["kop.csv: het bestand heeft een kopregel maar geen rijen met activiteiten"], headerOnly.ErrorLines);
        Assert.Equal(["bestaat-niet.csv: het bestand bestaat niet"], missing.ErrorLines);
        Assert.Equal(["foto.csv: het bestand is geen CSV- of .xlsx-bestand"], binary.ErrorLines);
        Assert.All(new[] { empty, headerOnly, missing, binary }, run => Assert.Equal(ExitCodes.Rejected, run.ExitCode));
    }

    [Fact]
    public async Task AnIdOfThisMunicipalityUpdatesTheActivityAndRaisesItsVersion()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();
        await workspace.ImportOkAsync(Csv(Row(), Titled("Voetbal")));
        var (first, second) = ((await workspace.ActivitiesAsync())[0], (await workspace.ActivitiesAsync())[1]);

        var run = await workspace.ImportOkAsync(Csv(
            Row(("Activiteit-ID", Id(first.Id)), ("Titel", "Taalcafé Halle-Centrum"), ("Gedeeld met", "")),
            Row(("Activiteit-ID", Id(second.Id)), ("Titel", "Voetbal")),
            Titled("Schaakclub")));

        Assert.Equal("23027 Halle: 1 activities created, 1 updated, 1 unchanged", run.Out.Trim());
        var after = await workspace.ActivitiesAsync();
        Assert.Equal(["Taalcafé Halle-Centrum", "Voetbal", "Schaakclub"], after.Select(a => a.Title));
        Assert.Equal([2, 1, 1], after.Select(a => a.Version));
        Assert.Empty(after[0].SharedWith);
        Assert.Single(after[1].SharedWith);
    }

    [Fact]
    public async Task AnIdOfAnotherMunicipalitysActivityIsRefusedAndThatActivityIsNeverUpdated()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();
        await workspace.ImportOkAsync(Csv(Row(("Titel", "Buddyproject Vilvoorde"), ("Gedeeld met", "23027"))), nis: "23088");
        var vilvoorde = Assert.Single(await workspace.ActivitiesAsync());
        var before = await workspace.StateAsync();

        var run = await workspace.ImportAsync(workspace.Write("overname.csv", Csv(Row(("Activiteit-ID", Id(vilvoorde.Id)), ("Titel", "Overgenomen")))));

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Equal([$"overname.csv: row 2, column \"Activiteit-ID\": \"{vilvoorde.Id}\" is geen activiteit van 23027 Halle; laat de kolom leeg voor een nieuwe activiteit"], run.ErrorLines);
        Assert.Equal(before, await workspace.StateAsync());
        Assert.Equal("Buddyproject Vilvoorde", Assert.Single(await workspace.ActivitiesAsync()).Title);
    }

    [Fact]
    public async Task DryRunValidatesAndShowsWhatWouldHappenButWritesNothing()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();
        await workspace.ImportOkAsync(Csv(Row()));
        var before = await workspace.StateAsync();
        var id = Id((await workspace.ActivitiesAsync())[0].Id);

        var run = await workspace.ImportAsync(workspace.Write("proef.csv", Csv(Row(("Activiteit-ID", id), ("Uren", "3")), Titled("Nieuw"))), "23027", "--dry-run");

        Assert.Equal(ExitCodes.Done, run.ExitCode);
        Assert.Equal(["23027 Halle: 1 activities created, 1 updated, 0 unchanged", "dry run: nothing was written"], run.Out.Trim().Split(Environment.NewLine));
        Assert.Equal(before, await workspace.StateAsync());
    }

    [Fact]
    public async Task ImportIsAuditedWithoutSubjectsAndWorksWithoutAnActiveProtocol()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();

        await workspace.ImportOkAsync(Csv(Row(), Titled("Voetbal")), name: "aanbod.csv");

        await using var db = workspace.Database.Open();
        Assert.False(await db.Protocols.AnyAsync());
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "activity.import");
        Assert.Equal("23027", entry.Municipality);
        Assert.Equal("[]", entry.Subjects);
        Assert.Equal("aanbod.csv: 2 activities created, 0 updated, 0 unchanged", entry.Detail);
        await workspace.Cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
    }

    [Fact]
    public async Task UnknownMunicipalityIsRefusedAndAMalformedNisCodeRejected()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();
        var path = workspace.Write("aanbod.csv", Csv(Row()));

        var unknown = await workspace.ImportAsync(path, "44021");
        var malformed = await workspace.ImportAsync(path, "Halle");

        Assert.Equal(ExitCodes.Refused, unknown.ExitCode);
        Assert.Equal(["--municipality: no municipality with NIS code \"44021\"."], unknown.ErrorLines);
        Assert.Equal(ExitCodes.Rejected, malformed.ExitCode);
        Assert.Empty(await workspace.ActivitiesAsync());
    }

    [Fact]
    public async Task MissingArgumentsAreAUsageError()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();

        var run = await workspace.Cli.RunAsync("activity", "import", "--municipality", "23027");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
