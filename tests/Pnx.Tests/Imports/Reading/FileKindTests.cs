using Pnx.Imports.Reading;
using static Pnx.Tests.Imports.Reading.Reader;

namespace Pnx.Tests.Imports.Reading;

public class FileKindTests
{
    [Fact]
    public void RandomBinaryNamedXlsxIsRefusedAsNotCsvOrXlsx()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        var path = Path.Combine(Path.GetTempPath(), $"pnx-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(path, bytes);
        try
        {
            var problem = SingleProblem(NewcomerFileReader.Read(path));

            Assert.Equal("the file is not a CSV or .xlsx file", problem.Message);
            Assert.Null(problem.Row);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BinaryWithoutNulBytesButFullOfControlsIsRefused()
    {
        var bytes = Enumerable.Range(0, 300).Select(i => (byte)(1 + (i % 250))).ToArray();

        Assert.Equal("the file is not a CSV or .xlsx file", SingleProblem(Read(bytes)).Message);
    }

    [Fact]
    public void OleCompoundFileIsRefusedAsEncryptedWorkbookOrOldXls()
    {
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var problem = SingleProblem(Read(bytes));

        Assert.Equal("the file is an encrypted workbook or an old .xls file; save it as an unencrypted .xlsx or as CSV", problem.Message);
    }

    [Fact]
    public void CsvNamedXlsxIsReadAsCsvBecauseContentDecides()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pnx-{Guid.NewGuid():N}.xlsx");
        File.WriteAllText(path, "Naam;Voornaam\nPeeters;An\n");
        try
        {
            Assert.Equal(["Peeters", "An"], Table(NewcomerFileReader.Read(path)).Rows[0].Cells);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WorkbookNamedCsvIsReadAsWorkbook()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pnx-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, TestWorkbooks.Create(["Naam"], ["Peeters"]));
        try
        {
            Assert.Equal(["Peeters"], Table(NewcomerFileReader.Read(path)).Rows[0].Cells);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingFileIsAProblemNotACrash()
    {
        var problem = SingleProblem(NewcomerFileReader.Read(Path.Combine(Path.GetTempPath(), $"pnx-missing-{Guid.NewGuid():N}.csv")));

        Assert.Equal("the file does not exist", problem.Message);
    }

    [Fact]
    public void ZipThatIsNotAWorkbookIsRefused()
    {
        var zip = TestWorkbooks.Zip(("readme.txt", "hello"));

        Assert.Contains("not a readable .xlsx workbook", SingleProblem(Read(zip)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedWorkbookIsRefusedNotCrashed()
    {
        var workbook = TestWorkbooks.Create(["Naam"], ["Peeters"]);

        var problem = SingleProblem(Read(workbook[..(workbook.Length / 2)]));

        Assert.Contains("not a readable .xlsx workbook", problem.Message, StringComparison.Ordinal);
    }
}
