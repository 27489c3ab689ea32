using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pnx.Cli;
using Pnx.Imports;
using Pnx.Newcomers;

namespace Pnx.Tests.Exports;

public sealed class XlsxExportTests
{
    [Fact]
    public async Task XlsxHasTheNewcomersSheetWithHeaderRowsAndADateCellAndNoFormula()
    {
        var (database, cli) = await ExportFixture.HalleAsync();
        await using var _ = database;
        var certified = ExportFixture.Newcomer("D-1", "=cmd", "An");
        certified.Phone = "+32470123456";
        certified.DutchLevel = DutchLevel.A2;
        certified.Interests = InterestsAndNeeds.PractiseDutch;
        certified.CertificateDate = new DateOnly(2026, 3, 1);
        await ExportFixture.SeedAsync(database, "23027", certified, ExportFixture.Newcomer("D-2", "Janssens", "Jan"));
        var path = ExportFixture.OutPath(database, "xlsx");

        await cli.RunExpectingAsync(ExitCodes.Done, "export", "--municipality", "23027", "--format", "xlsx", "--out", path);

        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Inburgeraars", "Activiteiten"], sheets.Select(s => s.Name!.Value));
        var newcomers = (WorksheetPart)workbook.GetPartById(sheets[0].Id!);
        var rows = newcomers.Worksheet.Descendants<Row>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(NewcomerColumns.All, rows[0].Elements<Cell>().Select(Text));

        var first = rows[1].Elements<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal("D-1", Text(first["A2"]));
        Assert.Equal("'=cmd", Text(first["B2"]));  // neutralised as in CSV, so the sheet saved as CSV stays safe
        Assert.Equal("+32470123456", Text(first["I2"]));
        Assert.Equal("A2", Text(first["L2"]));
        Assert.Equal("Nederlands oefenen", Text(first["N2"]));
        Assert.Equal("23027", Text(first["P2"]));
        var date = first["O2"];
        Assert.Null(date.DataType);
        Assert.Equal(new DateTime(2026, 3, 1).ToOADate(), double.Parse(date.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        var format = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)date.StyleIndex!.Value);
        var code = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value;
        Assert.Equal("yyyy-mm-dd", code);

        Assert.All(workbook.WorksheetParts, part => Assert.Empty(part.Worksheet.Descendants<CellFormula>()));
    }

    [Fact]
    public async Task XlsxActivitySheetHasTheStatusSheetHeaderOfContractSection7()
    {
        var (database, cli) = await ExportFixture.HalleAsync();
        await using var _ = database;
        var path = ExportFixture.OutPath(database, "xlsx");

        await cli.RunExpectingAsync(ExitCodes.Done, "export", "--municipality", "23027", "--format", "xlsx", "--out", path);

        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Activiteiten");
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        Assert.Equal(["Dossiernummer", "Inschrijving-ID", "Activiteit-ID", "Activiteit", "Status", "Reden", "Uren", "Datum status"], Assert.Single(rows).Elements<Cell>().Select(Text));
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
}
