using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;
using static Pnx.Tests.Imports.Reading.Reader;

namespace Pnx.Tests.Imports.Reading;

public class LargeFileTests(ITestOutputHelper output)
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
    public void HundredThousandRowsWithQuotedLineBreaksAreReadQuicklyWithRightNumbers()
    {
        var bytes = Encoding.UTF8.GetBytes(Csv(raggedLastRow: false));
        Read(bytes); // warm up the JIT so the timing measures the reader

        var watch = Stopwatch.StartNew();
        var table = Table(Read(bytes));
        watch.Stop();
        output.WriteLine($"{Rows} rows x {Columns} columns read in {watch.ElapsedMilliseconds} ms");

        Assert.Equal(Rows, table.Rows.Count);
        Assert.Equal(Rows + 1, table.Rows[^1].RowNumber);
        Assert.Equal("Straat; 99999\nbis", table.Rows[^1].Cells[3]);
        // Generous for a shared 2-core machine; typically well under 0.5 s.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void RaggedLastRowOfALargeFileIsReportedWithItsRowNumber()
    {
        var problem = SingleProblem(ReadCsv(Csv(raggedLastRow: true)));

        Assert.Equal(Rows + 1, problem.Row);
        Assert.Equal($"has {Columns - 1} cells where the header has {Columns}", problem.Message);
    }

    [Fact]
    public void HundredThousandRowWorkbookIsReadInAFewSeconds()
    {
        var rows = new TestCell?[]?[Rows + 1];
        rows[0] = [.. Enumerable.Range(1, Columns).Select(c => (TestCell)$"Kolom {c}")];
        for (var r = 1; r <= Rows; r++)
            rows[r] = [.. Enumerable.Range(0, Columns).Select(c => c == 6 ? (TestCell)(1000.0 + (r % 9000)) : $"v{r % 500}_{c}")];
        var workbook = TestWorkbooks.Create(rows);

        var watch = Stopwatch.StartNew();
        var table = Table(Read(workbook));
        watch.Stop();
        output.WriteLine($"{Rows} rows x {Columns} columns xlsx read in {watch.ElapsedMilliseconds} ms ({workbook.Length / 1024} KB)");

        Assert.Equal(Rows, table.Rows.Count);
        Assert.Equal(Rows + 1, table.Rows[^1].RowNumber);
        Assert.Equal((1000 + (Rows % 9000)).ToString(CultureInfo.InvariantCulture), table.Rows[^1].Cells[6]);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"took {watch.ElapsedMilliseconds} ms");
    }
}
