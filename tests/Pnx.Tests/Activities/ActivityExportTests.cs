using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Pnx.Cli;
using static Pnx.Tests.Activities.CatalogueWorkspace;

namespace Pnx.Tests.Activities;

/// <summary>`pnx activity export`: the import's columns, the export formats of §5, and an export that imports back unchanged.</summary>
public sealed class ActivityExportTests
{
    /// <summary>Activities that stress the round trip: formula triggers, quotes, line breaks, sets, shares, empty cells.</summary>
    private static readonly string TrickyFile = Csv(
        Row(),
        Row(("Titel", "=HYPERLINK(\"http://x\")"), ("Organisator", "-Vzw Min"), ("Omschrijving", "Regel één\nRegel \"twee\"; en drie"), ("Talen", "ti|uk|ar")),
        Row(("Titel", "'Quoted"), ("Organisator", "@home"), ("Contact telefoon", "+32 470 12 34 56"), ("Categorieën", "8|1|5"), ("Gedeeld met", ""), ("Van", ""), ("Tot", "")),
        string.Join(";", new[] { "", "Minimaal", "", "Alleen verplicht", "", "", "", "", "", "", "buddy", "", "", "", "", "", "", "", "", "", "" }));

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task AnExportImportedBackReportsEverythingUnchanged(string format)
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();
        await workspace.ImportOkAsync(TrickyFile);
        await workspace.ImportOkAsync(Csv(Row(("Titel", "Van Vilvoorde"), ("Gedeeld met", "23027"))), nis: "23088");
        var before = await workspace.StateAsync();
        var path = workspace.PathOf("export." + format);

        var export = await workspace.ExportAsync(format, path);
        Assert.Equal($"23027 Halle: 4 activities exported to {path}", export.Out.Trim());
        var run = await workspace.ImportAsync(path);

        Assert.True(run.ExitCode == ExitCodes.Done, run.ToString());
        Assert.Equal("23027 Halle: 0 activities created, 0 updated, 4 unchanged", run.Out.Trim());
        var after = await workspace.StateAsync();
        Assert.Equal(before.Split('\n')[..^1], after.Split('\n')[..^1]);
    }

    [Fact]
    public async Task CsvIsUtf8WithBomSemicolonsCrlfAndNeutralisesFormulasButNotAnE164Phone()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();
        await workspace.ImportOkAsync(TrickyFile);
        var path = workspace.PathOf("export.csv");

        await workspace.Cli.RunExpectingAsync(ExitCodes.Done, "activity", "export", "--municipality", "23027", "--format", "csv", "--out", path);

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(new UTF8Encoding(true).GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith(CatalogueWorkspace.Header + "\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.Contains(";\"'=HYPERLINK(\"\"http://x\"\")\";", text, StringComparison.Ordinal);
        Assert.Contains(";'-Vzw Min;", text, StringComparison.Ordinal);
        Assert.Contains(";''Quoted;Elke dinsdag Nederlands oefenen.;'@home;", text, StringComparison.Ordinal);
        Assert.Contains(";+32470123456;", text, StringComparison.Ordinal);
        Assert.Contains(";Nederlands oefenen | informeel participeren;ja;nee;ja;A1;ar | fr;25;2,5;2026-03-01;2026-12-31;23088\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task XlsxHoldsSheetActiviteitenWithTextCellsOnly()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();
        await workspace.ImportOkAsync(TrickyFile);
        var path = workspace.PathOf("export.xlsx");

        await workspace.Cli.RunExpectingAsync(ExitCodes.Done, "activity", "export", "--municipality", "23027", "--format", "xlsx", "--out", path);

        using var document = SpreadsheetDocument.Open(path, false);
        var sheet = Assert.Single(document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("Activiteiten", sheet.Name?.Value);
        var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!.Value!);
        var cells = part.Worksheet.Descendants<Cell>().ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.Equal(CellValues.InlineString, c.DataType?.Value));
        Assert.Empty(part.Worksheet.Descendants<CellFormula>());
        Assert.Contains(cells, c => c.InnerText == "'=HYPERLINK(\"http://x\")");
    }

    [Fact]
    public async Task ExportHoldsOnlyTheMunicipalitysOwnActivitiesAndIsAudited()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();
        await workspace.ImportOkAsync(Csv(Row()));
        await workspace.ImportOkAsync(Csv(Row(("Titel", "Gedeeld door Vilvoorde"), ("Gedeeld met", "23027"))), nis: "23088");
        var path = workspace.PathOf("export.csv");

        await workspace.Cli.RunExpectingAsync(ExitCodes.Done, "activity", "export", "--municipality", "23027", "--format", "csv", "--out", path);

        var text = await File.ReadAllTextAsync(path);
        Assert.Contains("Taalcafé Halle", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Gedeeld door Vilvoorde", text, StringComparison.Ordinal);
        await using var db = workspace.Database.Open();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "activity.export");
        Assert.Equal(("23027", "[]", "csv, 1 activities"), (entry.Municipality, entry.Subjects, entry.Detail));
    }

    [Fact]
    public async Task ExportToAMissingFolderOrForAnUnknownMunicipalityWritesNothing()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();

        var folder = await workspace.ExportAsync("csv", Path.Combine(workspace.PathOf("nergens"), "x.csv"));
        var unknown = await workspace.ExportAsync("csv", workspace.PathOf("x.csv"), nis: "44021");
        var format = await workspace.Cli.RunAsync("activity", "export", "--municipality", "23027", "--format", "pdf", "--out", workspace.PathOf("x.pdf"));

        Assert.Equal(ExitCodes.Rejected, folder.ExitCode);
        Assert.Equal(ExitCodes.Refused, unknown.ExitCode);
        Assert.Equal(ExitCodes.Usage, format.ExitCode);
        Assert.False(File.Exists(workspace.PathOf("x.csv")));
        await using var db = workspace.Database.Open();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "activity.export"));
    }
}
