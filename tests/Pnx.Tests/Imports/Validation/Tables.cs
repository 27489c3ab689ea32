using Pnx.Imports;
using Pnx.Imports.Validation;

namespace Pnx.Tests.Imports.Validation;

/// <summary>Builds raw tables in code, as the file reader would hand them over.</summary>
internal static class Tables
{
    public static readonly DateOnly Today = new(2026, 11, 29);

    /// <summary>A table with the required columns, filled validly, plus the given cells (overriding).</summary>
    public static RawTable OneRow(params (string Column, string Value)[] cells)
    {
        var row = Defaults();
        foreach (var (column, value) in cells) row[column] = value;
        return new RawTable([.. row.Keys], [new RawRow(2, [.. row.Values])]);
    }

    public static ParseResult ParseOne(params (string Column, string Value)[] cells) =>
        NewcomerTableParser.Parse(OneRow(cells), Today);

    public static NewcomerRecord Record(params (string Column, string Value)[] cells)
    {
        var result = ParseOne(cells);
        Assert.Empty(result.Problems);
        return Assert.Single(result.Records);
    }

    /// <summary>The single problem of a one-row table; asserts it names the column and the row.</summary>
    public static ImportProblem Problem(string column, string value)
    {
        var result = ParseOne((column, value));
        Assert.Empty(result.Records);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(2, problem.Row);
        Assert.Equal(column, problem.Column);
        return problem;
    }

    public static RawTable Rows(IReadOnlyList<string> headers, params string[][] rows) =>
        new(headers, [.. rows.Select((cells, i) => new RawRow(i + 2, cells))]);

    private static Dictionary<string, string> Defaults() => new(StringComparer.Ordinal)
    {
        [NewcomerColumns.DossierNumber] = "D-1",
        [NewcomerColumns.FamilyName] = "Peeters",
        [NewcomerColumns.GivenNames] = "Ann",
    };
}
