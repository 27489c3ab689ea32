using System.Globalization;
using System.Text;
using static Pnx.Tests.Imports.Reading.Reader;

namespace Pnx.Tests.Imports.Reading;

/// <summary>Large files keep their row numbers and cells; speed is measured by `./bench.sh`, not here.</summary>
public class LargeFileTests
{
    private const int Rows = 100_000;
    private const int Columns = 16;

    private static string Csv(bool raggedLastRow)
    {
        var csv = new StringBuilder(Rows * Columns * 12);
        csv.AppendJoin(';', Enumerable.Range(1, Columns).Select(c => $"Kolom {c}")).Append("\r\n");
        for (var r = 0; r < Rows; r++)
        {
            var columns = raggedLastRow && r == Rows - 1 ? Columns - 1 : Columns;
            for (var c = 0; c < columns; c++)
            {
                if (c > 0)
                    csv.Append(';');
                if (c == 3)
                    csv.Append("\"Straat; ").Append(r.ToString(CultureInfo.InvariantCulture)).Append("\nbis\"");
                else
                    csv.Append('v').Append(r.ToString(CultureInfo.InvariantCulture)).Append('_').Append(c.ToString(CultureInfo.InvariantCulture));
            }

            csv.Append("\r\n");
        }

        return csv.ToString();
    }

    [Fact]
    public void HundredThousandRowsWithQuotedLineBreaksAreReadWithRightNumbers()
    {
        var table = Table(Read(Encoding.UTF8.GetBytes(Csv(raggedLastRow: false))));

        Assert.Equal(Rows, table.Rows.Count);
        Assert.Equal(Rows + 1, table.Rows[^1].RowNumber);
        Assert.Equal("Straat; 99999\nbis", table.Rows[^1].Cells[3]);
    }

    [Fact]
    public void RaggedLastRowOfALargeFileIsReportedWithItsRowNumber()
    {
        var problem = SingleProblem(ReadCsv(Csv(raggedLastRow: true)));

        Assert.Equal(Rows + 1, problem.Row);
        Assert.Equal($"has {Columns - 1} cells where the header has {Columns}", problem.Message);
    }

    [Fact]
    public void HundredThousandRowWorkbookIsReadWithRightNumbers()
    {
        var table = Table(Read(LargeWorkbook()));

        Assert.Equal(Rows, table.Rows.Count);
        Assert.Equal(Rows + 1, table.Rows[^1].RowNumber);
        Assert.Equal("v99999_0", table.Rows[^1].Cells[0]);
        Assert.Equal((1000 + (Rows % 9000)).ToString(CultureInfo.InvariantCulture), table.Rows[^1].Cells[6]);
        Assert.Equal($"s{Rows % 500}", table.Rows[^1].Cells[7]);
    }

    /// <summary>Written as raw XML: building 1.6 million cells through the SDK's object model takes far longer than reading them.</summary>
    private static byte[] LargeWorkbook()
    {
        var shared = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (var i = 0; i < 500; i++)
            shared.Append(CultureInfo.InvariantCulture, $"<si><t>s{i}</t></si>");
        shared.Append("</sst>");

        var sheet = new StringBuilder(Rows * Columns * 40);
        sheet.Append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">");
        for (var c = 0; c < Columns; c++)
            sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{TestWorkbooks.ColumnLetters(c)}1\" t=\"inlineStr\"><is><t>Kolom {c + 1}</t></is></c>");
        sheet.Append("</row>");
        for (var r = 2; r <= Rows + 1; r++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\">");
            for (var c = 0; c < Columns; c++)
            {
                var reference = TestWorkbooks.ColumnLetters(c) + r.ToString(CultureInfo.InvariantCulture);
                if (c == 6)
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{1000 + ((r - 1) % 9000)}</v></c>");
                else if (c == 7)
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"s\"><v>{(r - 1) % 500}</v></c>");
                else
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>v{r - 2}_{c}</t></is></c>");
            }

            sheet.Append("</row>");
        }

        sheet.Append("</sheetData></worksheet>");
        return ExcelShapedWorkbook.Build(sheet.ToString(), shared.ToString());
    }
}
