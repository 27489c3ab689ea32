namespace Pnx.Imports;

/// <summary>A file's content as text cells, before any rule of the protocol is applied.</summary>
/// <param name="Headers">Header cells as written in the file (row 1), untrimmed.</param>
/// <param name="Rows">Non-empty data rows; each has exactly one cell per header.</param>
public sealed record RawTable(IReadOnlyList<string> Headers, IReadOnlyList<RawRow> Rows);

/// <param name="RowNumber">1-based record number as a spreadsheet shows it; the header is row 1.</param>
/// <param name="Cells">Cell text aligned with the headers; an empty cell is "".</param>
public sealed record RawRow(int RowNumber, string[] Cells);

/// <summary>Either a table or the problems that kept the file from being read.</summary>
public sealed record ReadResult(RawTable? Table, IReadOnlyList<ImportProblem> Problems)
{
    public static ReadResult Ok(RawTable table) => new(table, []);

    public static ReadResult Fail(params ImportProblem[] problems) => new(null, problems);
}
