using System.Text;
using Pnx.Imports.Reading;

namespace Pnx.Tests.Imports.Reading;

public class ReaderLimitTests
{
    private static ReaderLimits Small => ReaderLimits.Default with { MaxFileBytes = 1000, MaxDataRows = 3, MaxColumns = 4, MaxCellLength = 10 };

    private static Pnx.Imports.ReadResult ReadCsv(string text) => NewcomerFileReader.Read(Encoding.UTF8.GetBytes(text), Small);

    [Fact]
    public void FileLargerThanTheCapIsRefusedBeforeReading()
    {
        var result = NewcomerFileReader.Read(new MemoryStream(new byte[1001]), Small);

        Assert.Contains("larger than", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreDataRowsThanTheCapAreRefused()
    {
        var problem = Assert.Single(ReadCsv("A\n1\n2\n3\n4\n").Problems);

        Assert.Contains("more than 3 data rows", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreColumnsThanTheCapAreRefused()
    {
        var problem = Assert.Single(ReadCsv("A;B;C;D;E\n1;2;3;4;5\n").Problems);

        Assert.Equal(1, problem.Row);
        Assert.Contains("more than 4 columns", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverlongCellIsReportedByRowAndColumnWithoutItsValue()
    {
        var problem = Assert.Single(ReadCsv("A;Naam\n1;Abcdefghijklmnop\n").Problems);

        Assert.Equal((2, "Naam"), (problem.Row, problem.Column));
        Assert.DoesNotContain("Abcdefghijk", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProblemsAreAllReportedUpToOneHundred()
    {
        var csv = new StringBuilder("A;B\n");
        for (var i = 0; i < 500; i++)
            csv.Append("1\n");

        var result = NewcomerFileReader.Read(Encoding.UTF8.GetBytes(csv.ToString()), ReaderLimits.Default);

        Assert.Equal(100, result.Problems.Count);
        Assert.Equal(Enumerable.Range(2, 100), result.Problems.Select(p => p.Row!.Value));
    }
}
