using System.Text;
using static Pnx.Tests.Imports.Reading.Reader;

namespace Pnx.Tests.Imports.Reading;

public class CsvReadingTests
{
    [Fact]
    public void Utf8WithoutBomIsReadWithHeadersAsWritten()
    {
        var table = Table(ReadCsv("Dossiernummer;Naam; Voornaam \nD-1;Peeters;Hélène\n"));

        Assert.Equal(["Dossiernummer", "Naam", " Voornaam "], table.Headers);
        var row = Assert.Single(table.Rows);
        Assert.Equal(2, row.RowNumber);
        Assert.Equal(["D-1", "Peeters", "Hélène"], row.Cells);
    }

    [Fact]
    public void Utf8WithBomIsReadWithoutTheBomInTheFirstHeader()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Naam;Contacttaal\r\nPeeters;Oekraïens\r\n")).ToArray();

        var table = Table(Read(bytes));

        Assert.Equal("Naam", table.Headers[0]);
        Assert.Equal(["Peeters", "Oekraïens"], table.Rows[0].Cells);
    }

    [Fact]
    public void Windows1252BytesAreDecodedWhenTheFileIsNotUtf8()
    {
        // What Excel on a Belgian Windows writes: é = E9, è = E8, ï = EF.
        var bytes = "Voornaam;Contacttaal\r\n"u8.ToArray()
            .Concat(new byte[] { (byte)'H', 0xE9, (byte)'l', 0xE8, (byte)'n', (byte)'e', (byte)';' })
            .Concat(new byte[] { (byte)'O', (byte)'e', (byte)'k', (byte)'r', (byte)'a', 0xEF, (byte)'e', (byte)'n', (byte)'s', (byte)'\r', (byte)'\n' })
            .ToArray();

        var table = Table(Read(bytes));

        Assert.Equal(["Hélène", "Oekraïens"], table.Rows[0].Cells);
    }

    [Fact]
    public void Utf16WithBomAsExcelSavesUnicodeTextIsRead()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Naam\tVoornaam\r\nPeeters\tHélène\r\n")).ToArray();

        Assert.Equal(["Peeters", "Hélène"], Table(Read(bytes)).Rows[0].Cells);
    }

    [Theory]
    [InlineData(";")]
    [InlineData(",")]
    [InlineData("\t")]
    public void DelimiterIsDetectedFromTheHeaderLine(string delimiter)
    {
        var table = Table(ReadCsv($"Naam{delimiter}Voornaam{delimiter}Postcode\nPeeters{delimiter}An{delimiter}1500\n"));

        Assert.Equal(3, table.Headers.Count);
        Assert.Equal(["Peeters", "An", "1500"], table.Rows[0].Cells);
    }

    [Fact]
    public void DelimitersInsideQuotedHeadersDoNotCountForDetection()
    {
        var table = Table(ReadCsv("\"Naam, familie\";Voornaam\nPeeters;An\n"));

        Assert.Equal(["Naam, familie", "Voornaam"], table.Headers);
    }

    [Fact]
    public void SemicolonWinsATieWithComma()
    {
        var table = Table(ReadCsv("A;B,C\n1;2,3\n"));

        Assert.Equal(["A", "B,C"], table.Headers);
    }

    [Fact]
    public void QuotedFieldsHoldDelimitersDoubledQuotesAndLineBreaksAndRowNumbersCountRecords()
    {
        var csv = "Naam;Straat;Interesses en noden\n"
            + "\"Peeters; De Smet\";\"Rue \"\"Haute\"\"\";\"buddy\nsport en beweging\r\nvrijwilligerswerk\"\n"
            + "Janssens;Kerkstraat;buddy\n";

        var table = Table(ReadCsv(csv));

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["Peeters; De Smet", "Rue \"Haute\"", "buddy\nsport en beweging\r\nvrijwilligerswerk"], table.Rows[0].Cells);
        Assert.Equal(2, table.Rows[0].RowNumber);
        Assert.Equal(3, table.Rows[1].RowNumber);
    }

    [Fact]
    public void RaggedRowsAreEachReportedByRowNumberAfterAQuotedLineBreak()
    {
        var csv = "A;B;C\n\"x\ny\";2;3\n1;2\n1;2;3;4\n1;2;3\n";

        var result = ReadCsv(csv);

        Assert.Null(result.Table);
        Assert.Collection(result.Problems,
            p => Assert.Equal((3, "has 2 cells where the header has 3"), (p.Row!.Value, p.Message)),
            p => Assert.Equal((4, "has 4 cells where the header has 3"), (p.Row!.Value, p.Message)));
    }

    [Fact]
    public void UnbalancedQuoteIsReportedAtTheRowWhereTheQuotedFieldStarted()
    {
        var problem = SingleProblem(ReadCsv("A;B\n1;2\n3;\"open\n4;5\n6;7\n"));

        Assert.Equal(3, problem.Row);
        Assert.Contains("never closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnbalancedQuoteInTheHeaderIsReportedAtRowOne()
    {
        Assert.Equal(1, SingleProblem(ReadCsv("\"Naam;Voornaam\nPeeters;An\n")).Row);
    }

    [Fact]
    public void EmptyFileIsRefused()
    {
        Assert.Equal("the file is empty", SingleProblem(Read([])).Message);
        Assert.Equal("the file is empty", SingleProblem(Read(Encoding.UTF8.GetPreamble())).Message);
        Assert.Equal("the file is empty", SingleProblem(ReadCsv("\r\n \r\n")).Message);
    }

    [Fact]
    public void HeaderOnlyIsRefusedAsHavingNoDataRows()
    {
        var problem = SingleProblem(ReadCsv("Dossiernummer;Naam;Voornaam\r\n"));

        Assert.Null(problem.Row);
        Assert.Contains("no data rows", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyRowsAreSkippedButKeepTheirNumber()
    {
        var table = Table(ReadCsv("A;B\n1;2\n\n;\n \t; \n3;4\n\n"));

        Assert.Equal([2, 6], table.Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void CellTextIsReturnedUntrimmed()
    {
        var table = Table(ReadCsv("A;B\n  spaced  ;\" quoted \"\n"));

        Assert.Equal(["  spaced  ", " quoted "], table.Rows[0].Cells);
    }

    [Fact]
    public void MissingFinalLineBreakAndCarriageReturnOnlyLinesAreRead()
    {
        var table = Table(ReadCsv("A;B\r1;2\r3;4"));

        Assert.Equal([2, 3], table.Rows.Select(r => r.RowNumber));
        Assert.Equal(["3", "4"], table.Rows[1].Cells);
    }
}
