namespace Pnx.Imports.Reading;

/// <summary>
/// Where a reader puts what it reads, row by row, so that a file never has to be held whole: the
/// import validates and stages each batch as it arrives; <see cref="TableSink"/> keeps a whole table.
/// </summary>
internal abstract class RowSink
{
    /// <summary>Data rows received so far.</summary>
    public int Rows { get; private set; }

    /// <summary>The header row, before any data row; false stops the reading (the header is refused).</summary>
    public abstract bool Start(string[] headers);

    public void Add(RawRow row)
    {
        Rows++;
        Accept(row);
    }

    protected abstract void Accept(RawRow row);
}

/// <summary>Keeps every row: a <see cref="RawTable"/> for the small files of activities and status sheets, and for tests.</summary>
internal sealed class TableSink : RowSink
{
    private readonly List<RawRow> _rows = [];
    private string[]? _headers;

    public override bool Start(string[] headers)
    {
        _headers = headers;
        return true;
    }

    protected override void Accept(RawRow row) => _rows.Add(row);

    /// <summary>The table, or the problems the reader reported.</summary>
    public ReadResult Result(IReadOnlyList<ImportProblem> problems) =>
        problems.Count > 0 ? new ReadResult(null, problems) : ReadResult.Ok(new RawTable(_headers ?? [], _rows));
}
