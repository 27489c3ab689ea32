using System.Buffers.Binary;
using System.Text;
using Pnx.Imports.Reading;
using static Pnx.Tests.Imports.Reading.Reader;

namespace Pnx.Tests.Imports.Reading;

public class XlsxDetailTests
{
    [Theory]
    [InlineData("dd/mm/yyyy", true)]
    [InlineData("d/m/yy", true)]
    [InlineData("[$-813]d mmmm yyyy", true)]
    [InlineData("mmm-yy", true)]
    [InlineData("yyyy-mm-dd hh:mm", true)]
    [InlineData("h:mm", false)]
    [InlineData("mm:ss", false)]
    [InlineData("[h]:mm:ss", false)]
    [InlineData("0.00", false)]
    [InlineData("General", false)]
    [InlineData("\"dag \"0", false)]
    [InlineData("#,##0 \\d", false)]
    [InlineData("[Red]0;[Blue]-0", false)]
    public void CustomNumberFormatIsADateOnlyWithDaysMonthsOrYears(string formatCode, bool isDate)
    {
        Assert.Equal(isDate, XlsxDateStyles.IsDateFormatCode(formatCode));
    }

    [Fact]
    public void HeaderOfFormulasIsReportedAsFormulasNotAsEmpty()
    {
        var workbook = TestWorkbooks.Create([new TestCell.Formula("\"Naam\"", "Naam")], ["Peeters"]);

        var problem = Assert.Single(Read(workbook).Problems);

        Assert.Equal((1, null, "cell A1 holds a formula; personal data are never computed by a spreadsheet"), (problem.Row, problem.Column, problem.Message));
    }

    [Fact]
    public void HeaderWiderThanTheCapIsRefused()
    {
        var workbook = TestWorkbooks.Create(["A", "B", "C", "D", "E"], ["1", "2", "3", "4", "5"]);

        var result = NewcomerFileReader.Read(workbook, ReaderLimits.Default with { MaxColumns = 4 });

        Assert.Equal("the header has more than 4 columns", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void MoreRowsThanTheCapAreRefused()
    {
        var workbook = TestWorkbooks.Create(["A"], ["1"], ["2"], ["3"]);

        var result = NewcomerFileReader.Read(workbook, ReaderLimits.Default with { MaxDataRows = 2 });

        Assert.Equal("the file has more than 2 data rows", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void OverlongCellIsReportedByCellAndColumn()
    {
        var workbook = TestWorkbooks.Create(["Naam", "Voornaam"], ["Peeters", new string('x', 11)]);

        var result = NewcomerFileReader.Read(workbook, ReaderLimits.Default with { MaxCellLength = 10 });

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, "Voornaam", "cell B2 is longer than 10 characters"), (problem.Row, problem.Column, problem.Message));
    }

    [Fact]
    public void WorksheetThatDecompressesBeyondItsDeclaredSizeIsNeverReadPastIt()
    {
        var workbook = ExcelShapedWorkbook.Build();
        DeclareUncompressedSize(workbook, "xl/worksheets/sheet1.xml", 100);

        var result = Read(workbook);

        Assert.Null(result.Table);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void ChartSheetNamedInburgeraarsIsRefusedClearly()
    {
        var workbook = ExcelShapedWorkbook.Build(sheetXml: """
            <chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>
            """);

        var result = Read(workbook);

        Assert.Null(result.Table);
        Assert.Single(result.Problems);
    }

    /// <summary>Rewrites the uncompressed size in the entry's local and central headers, as a hostile tool would.</summary>
    private static void DeclareUncompressedSize(byte[] zip, string entryName, uint size)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x04034b50 && zip.AsSpan(i + 30).StartsWith(name))
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), size);
            else if (signature == 0x02014b50 && zip.AsSpan(i + 46).StartsWith(name))
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
        }
    }
}
