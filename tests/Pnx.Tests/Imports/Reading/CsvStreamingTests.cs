using System.Text;
using static Pnx.Tests.Imports.Reading.Reader;

namespace Pnx.Tests.Imports.Reading;

/// <summary>
/// The CSV reader holds one buffer of the file, not the file: records, quoted cells and multi-byte characters
/// that straddle the buffer's refills must come out exactly as written.
/// </summary>
public class CsvStreamingTests
{
    private static readonly string[] Shapes =
    [
        "plain", "", "Hélène", "a;b", "he said \"hi\"", "line one\r\nline two", "trailing space ", "\"", "Олійник", new string('x', 9_000),
    ];

    [Fact]
    public void RecordsAcrossManyBufferRefillsAreReadAsWritten()
    {
        var random = new Random(20261203);
        var expected = new List<string[]>();
        var text = new StringBuilder("A;B;C;D;E;F;G;H;I;J\r\n");
        for (var row = 0; row < 3_000; row++)
        {
            // One record in a hundred is longer than the reader's first buffer (64 KiB): the buffer must grow.
            var cells = Enumerable.Range(0, 10).Select(_ => row % 100 == 7 ? Shapes[^1] : Shapes[random.Next(Shapes.Length)]).ToArray();
            if (cells.All(string.IsNullOrWhiteSpace)) cells[0] = "filled";
            expected.Add(cells);
            text.Append(string.Join(';', cells.Select(Quote))).Append(random.Next(2) == 0 ? "\r\n" : "\n");
        }

        var table = Table(ReadCsv(text.ToString()));

        Assert.Equal(expected.Count, table.Rows.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], table.Rows[i].Cells);
        // Quoted line breaks stay in their cell: row numbers count records, as a spreadsheet shows them.
        Assert.Equal(Enumerable.Range(2, expected.Count), table.Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void AMultiByteCharacterOnTheBoundaryOfTheEncodingScanIsStillUtf8()
    {
        // The encoding is chosen by scanning the bytes a mebibyte at a time: put an é across that boundary.
        var header = "Naam;Voornaam\n";
        var filler = new StringBuilder(header);
        while (Encoding.UTF8.GetByteCount(filler.ToString()) < (1 << 20) - 40) filler.Append("Peeters;An\n");
        var padding = (1 << 20) - 1 - Encoding.UTF8.GetByteCount(filler.ToString() + "Peeters;");
        filler.Append("Peeters;").Append('x', padding).Append("é\n");
        var bytes = Encoding.UTF8.GetBytes(filler.ToString());
        Assert.Equal(0xC3, bytes[(1 << 20) - 1]);

        var table = Table(Read(bytes));

        Assert.EndsWith("é", table.Rows[^1].Cells[1], StringComparison.Ordinal);
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
