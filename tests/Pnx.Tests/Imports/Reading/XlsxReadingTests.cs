using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using static Pnx.Tests.Imports.Reading.Reader;

namespace Pnx.Tests.Imports.Reading;

public class XlsxReadingTests
{
    [Fact]
    public void SheetNamedInburgeraarsIsReadEvenWhenItIsNotTheFirst()
    {
        var workbook = TestWorkbooks.Create(
            new TestSheet("Toelichting", ["Lees mij"], ["niet importeren"]),
            new TestSheet("INBURGERAARS", ["Naam", "Voornaam"], ["Peeters", "An"]));

        var table = Table(Read(workbook));

        Assert.Equal(["Naam", "Voornaam"], table.Headers);
        Assert.Equal(["Peeters", "An"], table.Rows[0].Cells);
    }

    [Fact]
    public void FirstSheetIsReadWhenNoneIsNamedInburgeraars()
    {
        var workbook = TestWorkbooks.Create(
            new TestSheet("Blad1", ["Naam"], ["Peeters"]),
            new TestSheet("Blad2", ["Andere"], ["x"]));

        Assert.Equal(["Naam"], Table(Read(workbook)).Headers);
    }

    [Fact]
    public void SharedAndInlineStringsAreBothRead()
    {
        var workbook = TestWorkbooks.Create(
            ["Naam", new TestCell.Inline("Voornaam")],
            [new TestCell.Inline("Peeters"), "Hélène"],
            ["Janssens", new TestCell.Inline("  An  ")]);

        var table = Table(Read(workbook));

        Assert.Equal(["Naam", "Voornaam"], table.Headers);
        Assert.Equal(["Peeters", "Hélène"], table.Rows[0].Cells);
        Assert.Equal(["Janssens", "  An  "], table.Rows[1].Cells);
    }

    [Fact]
    public void NumbersTypedAsNumbersAreReadAsTheirText()
    {
        var workbook = TestWorkbooks.Create(
            ["Postcode", "Huisnummer", "Telefoon", "Bus"],
            [1500.0, 12.0, 32470123456.0, 2.5]);

        Assert.Equal(["1500", "12", "32470123456", "2.5"], Table(Read(workbook)).Rows[0].Cells);
    }

    [Fact]
    public void RealDateCellIsReadAsIsoDate()
    {
        var workbook = TestWorkbooks.Create(
            ["Datum inburgeringsattest", "Postcode"],
            [new TestCell.Date(new DateOnly(2026, 3, 9)), 1500.0]);

        Assert.Equal(["2026-03-09", "1500"], Table(Read(workbook)).Rows[0].Cells);
    }

    [Fact]
    public void BooleanCellsAreReadAsTrueOrFalse()
    {
        var workbook = TestWorkbooks.Create(["A", "B"], [new TestCell.Boolean(true), new TestCell.Boolean(false)]);

        Assert.Equal(["TRUE", "FALSE"], Table(Read(workbook)).Rows[0].Cells);
    }

    [Fact]
    public void FormulaCellIsRefusedNamingTheCellEvenWithACachedValue()
    {
        var rows = new TestCell?[]?[9];
        rows[0] = ["Dossiernummer", "Naam"];
        for (var r = 1; r < 8; r++)
            rows[r] = [$"D-{r}", "Peeters"];
        rows[8] = ["D-9", new TestCell.Formula("UPPER(\"peeters\")", "PEETERS")];

        var problem = SingleProblem(Read(TestWorkbooks.Create(rows)));

        Assert.Equal(9, problem.Row);
        Assert.Equal("Naam", problem.Column);
        Assert.Equal("cell B9 holds a formula; personal data are never computed by a spreadsheet", problem.Message);
    }

    [Fact]
    public void EveryFormulaAndErrorCellIsReported()
    {
        var workbook = TestWorkbooks.Create(
            ["A", "B"],
            [new TestCell.Formula("1+1", "2"), "x"],
            ["y", new TestCell.Error("#DIV/0!")],
            ["z", new TestCell.Formula("A4", "z")]);

        var problems = Read(workbook).Problems;

        Assert.Equal(["A2", "B3", "B4"], problems.Select(p => p.Message.Split(' ')[1]));
        Assert.Contains("error value", problems[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("#DIV/0!", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SparseRowsPutEachCellInItsColumn()
    {
        var workbook = TestWorkbooks.Create(
            ["Naam", "Voornaam", "Straat", "Postcode"],
            [null, "An", null, 1500.0],
            ["Peeters"]);

        var table = Table(Read(workbook));

        Assert.Equal(["", "An", "", "1500"], table.Rows[0].Cells);
        Assert.Equal(["Peeters", "", "", ""], table.Rows[1].Cells);
    }

    [Fact]
    public void CellsWithoutReferencesAreReadInOrder()
    {
        var workbook = TestWorkbooks.Create(withCellReferences: false,
            new TestSheet("Inburgeraars", ["Naam", "Voornaam"], ["Peeters", "An"]));

        Assert.Equal(["Peeters", "An"], Table(Read(workbook)).Rows[0].Cells);
    }

    [Fact]
    public void MissingAndEmptyRowsAreSkippedButKeepTheirNumber()
    {
        var workbook = TestWorkbooks.Create(
            ["Naam"],
            ["Peeters"],
            null,
            ["   "],
            ["Janssens"]);

        Assert.Equal([2, 5], Table(Read(workbook)).Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void ValueBeyondTheHeaderIsReportedByCell()
    {
        var workbook = TestWorkbooks.Create(["Naam", "Voornaam"], ["Peeters", "An", "extra"]);

        var problem = SingleProblem(Read(workbook));

        Assert.Equal(2, problem.Row);
        Assert.Equal("cell C2 holds a value in a column without a header", problem.Message);
    }

    [Fact]
    public void HeaderOnlyWorkbookHasNoDataRows()
    {
        Assert.Contains("no data rows", SingleProblem(Read(TestWorkbooks.Create(["Naam", "Voornaam"]))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkbookWithoutHeaderInRowOneIsRefused()
    {
        var problem = SingleProblem(Read(TestWorkbooks.Create(null, ["Naam"], ["Peeters"])));

        Assert.Equal((1, "the header row is empty"), (problem.Row, problem.Message));
    }

    [Fact]
    public void MacroEnabledContentTypeIsRefused()
    {
        var workbook = TestWorkbooks.Create(SpreadsheetDocumentType.MacroEnabledWorkbook, true,
            new TestSheet("Inburgeraars", ["Naam"], ["Peeters"]));

        Assert.Contains("macros", SingleProblem(Read(workbook)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkbookWithAVbaProjectPartIsRefused()
    {
        var workbook = TestWorkbooks.WithExtraEntry(TestWorkbooks.Create(["Naam"], ["Peeters"]), "xl/vbaProject.bin", [1, 2, 3]);

        Assert.Contains("macros", SingleProblem(Read(workbook)).Message, StringComparison.Ordinal);
    }
}
