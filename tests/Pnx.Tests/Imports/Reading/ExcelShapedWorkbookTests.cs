using static Pnx.Tests.Imports.Reading.Reader;

namespace Pnx.Tests.Imports.Reading;

public class ExcelShapedWorkbookTests
{
    [Fact]
    public void WorkbookAsExcelOrCalcSavesItIsReadWithTextNumbersAndDates()
    {
        var table = Table(Read(ExcelShapedWorkbook.Build()));

        Assert.Equal(["Dossiernummer", "Voornaam", "Postcode", "Huisnummer", "Datum inburgeringsattest", "Bus"], table.Headers);
        // Rich text runs are joined, phonetic hints left out; 12.0 and 1.5E3 read as typed numbers.
        Assert.Equal(["D-001", "Hélène ", "1500", "12", "2023-03-15", "1500"], table.Rows[0].Cells);
        // A built-in date style with a time of day keeps the date; inline text is untouched.
        Assert.Equal(["D-002", " Oekraïens", "9000", "12 ", "2023-03-15", ""], table.Rows[1].Cells);
        Assert.Equal([2, 3], table.Rows.Select(r => r.RowNumber));
    }
}
