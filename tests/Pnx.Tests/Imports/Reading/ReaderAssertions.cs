using System.Text;
using Pnx.Imports;
using Pnx.Imports.Reading;

namespace Pnx.Tests.Imports.Reading;

internal static class Reader
{
    public static ReadResult Read(byte[] content) => NewcomerFileReader.Read(new MemoryStream(content));

    public static ReadResult ReadCsv(string text) => Read(Encoding.UTF8.GetBytes(text));

    public static RawTable Table(ReadResult result)
    {
        Assert.True(result.Table is not null, "expected a table, got: " + string.Join(" | ", result.Problems.Select(p => p.Format("test"))));
        Assert.Empty(result.Problems);
        return result.Table!;
    }

    public static ImportProblem SingleProblem(ReadResult result)
    {
        Assert.Null(result.Table);
        return Assert.Single(result.Problems);
    }
}
