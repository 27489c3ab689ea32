using System.Text;
using Pnx.Imports.Reading;
using static Pnx.Tests.Imports.Reading.Reader;

namespace Pnx.Tests.Imports.Reading;

public class XlsxGuardTests
{
    [Fact]
    public void HighlyCompressedPartIsRefusedAsAZipBomb()
    {
        // 20 MB of zeros deflates to about 20 KB: a ratio of ~1000, far beyond any real worksheet.
        var workbook = TestWorkbooks.WithExtraEntry(TestWorkbooks.Create(["Naam"], ["Peeters"]), "xl/media/padding.bin", new byte[20 * 1024 * 1024]);

        var problem = SingleProblem(Read(workbook));

        Assert.Contains("zip bomb", problem.Message, StringComparison.Ordinal);
        Assert.Null(problem.Row);
    }

    [Fact]
    public void TotalUncompressedSizeAboveTheCapIsRefused()
    {
        var workbook = TestWorkbooks.WithExtraEntry(TestWorkbooks.Create(["Naam"], ["Peeters"]), "xl/media/image.bin", RandomBytes(300_000));
        var limits = ReaderLimits.Default with { MaxUncompressedBytes = 256 * 1024 };

        var result = NewcomerFileReader.Read(workbook, limits);

        Assert.Contains("zip bomb", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
        Assert.True(NewcomerFileReader.Read(workbook, ReaderLimits.Default).Table is not null);
    }

    [Fact]
    public void TooManyZipEntriesAreRefusedFromTheCentralDirectory()
    {
        var entries = Enumerable.Range(0, 10_001).Select(i => ($"xl/media/p{i}.txt", Array.Empty<byte>()));

        var problem = SingleProblem(Read(TestWorkbooks.Zip(entries)));

        Assert.Contains("more than 10,000 parts", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorksheetWithADtdIsRefusedWithoutExpandingEntities()
    {
        const string billionLaughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>
            """;
        var workbook = ExcelShapedWorkbook.Build(sheetXml: billionLaughs);

        var problem = SingleProblem(Read(workbook));

        Assert.Contains("not a readable .xlsx workbook", problem.Message, StringComparison.Ordinal);
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
