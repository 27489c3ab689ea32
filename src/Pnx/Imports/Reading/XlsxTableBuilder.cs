using System.Globalization;

namespace Pnx.Imports.Reading;

/// <summary>
/// Builds the table from a worksheet's rows and cells as the reader meets them: places each cell by its
/// reference (so sparse rows land in the right column), turns typed values into text, and reports
/// formulas, error values and cells outside the header.
/// </summary>
internal sealed class XlsxTableBuilder
{
    private readonly IReadOnlyList<string> sharedStrings;
    private readonly XlsxDateStyles dateStyles;
    private readonly ReaderLimits limits;
    private readonly ProblemCollector problems;
    private readonly RowSink sink;
    private readonly List<string> headerCells = [];

    private string[]? headers;
    private ImportProblem? refusal;
    private bool stopped;
    private bool accepting;
    private bool headerRefused;

    // The row being read.
    private int rowNumber;
    private string[]? cells;
    private bool rowHasProblem;
    private int nextColumn;

    // The cell being read.
    private int cellColumn;
    private string? cellType;
    private int cellStyle;
    private bool cellHasFormula;

    public XlsxTableBuilder(IReadOnlyList<string> sharedStrings, XlsxDateStyles dateStyles, ReaderLimits limits, RowSink sink)
    {
        this.sink = sink;
        this.sharedStrings = sharedStrings;
        this.dateStyles = dateStyles;
        this.limits = limits;
        problems = new ProblemCollector(limits.MaxProblems);
    }

    /// <summary>The text of the cell's <c>v</c> element.</summary>
    public CellTextBuffer Value { get; } = new();

    /// <summary>The text of the cell's inline string (<c>is</c>), without phonetic hints.</summary>
    public CellTextBuffer InlineText { get; } = new();

    /// <summary>True once the file is refused or the problem list is full: reading further is wasted.</summary>
    public bool IsDone => stopped || refusal is not null || problems.IsFull;

    public void MarkFormula() => cellHasFormula = true;

    /// <summary>The problems that keep the sheet from being read; none when every row went to the sink.</summary>
    public IReadOnlyList<ImportProblem> Result()
    {
        if (refusal is not null)
            return [refusal];
        if (problems.Any)
            return problems.Problems;
        if (headers is null)
            return [ImportProblem.File("the sheet is empty")];
        if (sink.Rows == 0 && limits.RequireDataRows && !headerRefused)
            return [ImportProblem.File("the file has a header but no data rows")];
        return [];
    }

    public void StartRow(string? reference)
    {
        var number = reference is null ? rowNumber + 1
            : int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        if (number <= rowNumber)
        {
            refusal = ImportProblem.File("the sheet's rows are out of order or badly numbered; save it again as .xlsx or as CSV");
            return;
        }

        if (number - 1 > limits.MaxDataRows)
        {
            refusal = ImportProblem.File(string.Create(CultureInfo.InvariantCulture, $"the file has more than {limits.MaxDataRows:N0} data rows"));
            return;
        }

        rowNumber = number;
        nextColumn = 0;
        rowHasProblem = false;
        if (rowNumber > 1 && headers is null)
        {
            refusal = new ImportProblem(1, null, "the header row is empty");
            return;
        }

        if (headers is not null)
        {
            cells = new string[headers.Length];
            Array.Fill(cells, "");
        }
    }

    public void StartCell(string? reference, string? type, string? style)
    {
        cellColumn = reference is null ? nextColumn : CellReference.ParseColumn(reference);
        if (cellColumn < 0)
            cellColumn = nextColumn;
        nextColumn = cellColumn + 1;
        cellType = type;
        cellStyle = style is not null && int.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        cellHasFormula = false;
        Value.Clear();
        InlineText.Clear();
    }

    public void EndCell()
    {
        var column = rowNumber > 1 ? RowCells.HeaderAt(headers ?? [], cellColumn) : null;
        if (cellHasFormula)
        {
            Problem(new ImportProblem(rowNumber, column, $"cell {Reference()} holds a formula; personal data are never computed by a spreadsheet"));
            return;
        }

        var text = CellText(column);
        if (text is null)
            return;
        if (text.Length > limits.MaxCellLength)
        {
            Problem(new ImportProblem(rowNumber, column, string.Create(CultureInfo.InvariantCulture, $"cell {Reference()} is longer than {limits.MaxCellLength:N0} characters")));
            return;
        }

        if (headers is null)
            AddHeaderCell(text);
        else if (cellColumn < headers.Length)
            cells![cellColumn] = text;
        else if (!string.IsNullOrWhiteSpace(text))
            Problem(new ImportProblem(rowNumber, null, $"cell {Reference()} holds a value in a column without a header"));
    }

    /// <returns>The cell's text, or null when the cell was reported as a problem.</returns>
    private string? CellText(string? column)
    {
        var raw = Value.ToString();
        switch (cellType)
        {
            case "s":
                if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count)
                    return sharedStrings[index];
                Problem(new ImportProblem(rowNumber, column, $"cell {Reference()} refers to a shared text that the workbook does not hold"));
                return null;
            case "inlineStr":
                return InlineText.ToString();
            case "b":
                return raw.Length == 0 ? "" : XlsxCellText.Boolean(raw);
            case "e":
                Problem(new ImportProblem(rowNumber, column, $"cell {Reference()} holds an error value instead of data"));
                return null;
            case "d":
                return XlsxCellText.IsoDate(raw);
            case null or "n":
                if (raw.Length == 0)
                    return "";
                return dateStyles.IsDate(cellStyle) ? XlsxCellText.Date(raw) ?? XlsxCellText.Number(raw) : XlsxCellText.Number(raw);
            default:
                return raw; // "str" and anything newer: the stored text
        }
    }

    private void AddHeaderCell(string text)
    {
        if (cellColumn >= limits.MaxColumns)
        {
            if (!string.IsNullOrWhiteSpace(text))
                refusal = ImportProblem.File(string.Create(CultureInfo.InvariantCulture, $"the header has more than {limits.MaxColumns} columns"));
            return;
        }

        while (headerCells.Count <= cellColumn)
            headerCells.Add("");
        headerCells[cellColumn] = text;
    }

    public void EndRow()
    {
        if (refusal is not null)
            return;
        if (headers is null)
        {
            // The header ends at its last non-empty cell: Excel often stores formatted but empty cells after it.
            var width = headerCells.FindLastIndex(h => !string.IsNullOrWhiteSpace(h)) + 1;
            if (width == 0)
            {
                // A header whose cells were all refused (formulas, say) has its own problems to show.
                if (problems.Any)
                    stopped = true;
                else
                    refusal = new ImportProblem(1, null, "the header row is empty");
                return;
            }

            headers = [.. headerCells.Take(width)];
            // A refused header stops the rows from being passed on; the sheet is still read, since a problem of
            // reading outranks one of the header.
            accepting = sink.Start(headers);
            headerRefused = !accepting;
            return;
        }

        if (!rowHasProblem && accepting && !problems.Any && cells is not null && !RowCells.AreEmpty(cells))
            sink.Add(new RawRow(rowNumber, cells));
        cells = null;
    }

    /// <summary>
    /// Formatted, not copied from the file, so a message never echoes what a file put in its attributes;
    /// and only when a problem needs it, since this would otherwise run for every cell.
    /// </summary>
    private string Reference() => CellReference.Format(cellColumn, rowNumber);

    private void Problem(ImportProblem problem)
    {
        rowHasProblem = true;
        problems.Add(problem);
    }
}
