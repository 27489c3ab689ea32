using System.Globalization;
using System.Xml;

namespace Pnx.Imports.Reading;

/// <summary>
/// Streams one worksheet's <c>sheetData</c> with a plain XmlReader (far faster than loading cells as
/// objects) and places each cell by its reference, so sparse rows land in the right column.
/// </summary>
internal sealed class XlsxSheetReader
{
    private readonly IReadOnlyList<string> sharedStrings;
    private readonly XlsxDateStyles dateStyles;
    private readonly ReaderLimits limits;
    private readonly ProblemCollector problems;
    private readonly List<RawRow> rows = [];
    private readonly CellTextBuffer value = new();
    private readonly CellTextBuffer inlineText = new();
    private readonly List<string> headerCells = [];

    private string[]? headers;
    private ImportProblem? refusal;

    // The row being read.
    private int rowNumber;
    private string[]? cells;
    private bool rowHasProblem;
    private int nextColumn;

    // The cell being read.
    private string? cellReference;
    private int cellColumn;
    private string? cellType;
    private int cellStyle;
    private bool cellHasFormula;

    private XlsxSheetReader(IReadOnlyList<string> sharedStrings, XlsxDateStyles dateStyles, ReaderLimits limits)
    {
        this.sharedStrings = sharedStrings;
        this.dateStyles = dateStyles;
        this.limits = limits;
        problems = new ProblemCollector(limits.MaxProblems);
    }

    public static ReadResult Read(Stream worksheet, IReadOnlyList<string> sharedStrings, XlsxDateStyles dateStyles, ReaderLimits limits)
    {
        var reader = new XlsxSheetReader(sharedStrings, dateStyles, limits);
        using (var xml = XlsxXml.Open(worksheet, limits))
            reader.ReadSheetData(xml);
        return reader.Result();
    }

    private ReadResult Result()
    {
        if (refusal is not null)
            return ReadResult.Fail(refusal);
        if (headers is null)
            return ReadResult.Fail(ImportProblem.File("the sheet is empty"));
        if (problems.Any)
            return new ReadResult(null, problems.Problems);
        if (rows.Count == 0)
            return ReadResult.Fail(ImportProblem.File("the file has a header but no data rows"));
        return ReadResult.Ok(new RawTable(headers, rows));
    }

    private void ReadSheetData(XmlReader xml)
    {
        var inSheetData = false;
        var inValue = false;
        var inInline = false;
        var inInlineText = false;
        var phoneticDepth = -1;
        while (refusal is null && !problems.IsFull && xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                var empty = xml.IsEmptyElement;
                switch (xml.LocalName)
                {
                    case "sheetData":
                        inSheetData = !empty;
                        break;
                    case "row" when inSheetData:
                        StartRow(xml.GetAttribute("r"));
                        if (empty)
                            EndRow();
                        break;
                    case "c" when inSheetData:
                        ReadCellAttributes(xml, out var reference, out var type, out var style);
                        StartCell(reference, type, style);
                        if (empty)
                            EndCell();
                        break;
                    case "f" when inSheetData:
                        cellHasFormula = true;
                        break;
                    case "v" when inSheetData:
                        inValue = !empty;
                        break;
                    case "is" when inSheetData:
                        inInline = !empty;
                        break;
                    case "rPh" when inInline && !empty:
                        phoneticDepth = xml.Depth;
                        break;
                    case "t" when inInline && phoneticDepth < 0:
                        inInlineText = !empty;
                        break;
                    default:
                        break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement)
            {
                switch (xml.LocalName)
                {
                    case "sheetData":
                        return;
                    case "row" when inSheetData:
                        EndRow();
                        break;
                    case "c" when inSheetData:
                        EndCell();
                        break;
                    case "v":
                        inValue = false;
                        break;
                    case "is":
                        inInline = false;
                        break;
                    case "rPh" when xml.Depth == phoneticDepth:
                        phoneticDepth = -1;
                        break;
                    case "t":
                        inInlineText = false;
                        break;
                    default:
                        break;
                }
            }
            else if (XlsxXml.IsText(xml.NodeType))
            {
                if (inValue)
                    value.Append(xml.Value);
                else if (inInlineText)
                    inlineText.Append(xml.Value);
            }
        }
    }

    /// <summary>One pass over the attributes instead of three lookups by name: this runs for every cell.</summary>
    private static void ReadCellAttributes(XmlReader xml, out string? reference, out string? type, out string? style)
    {
        reference = type = style = null;
        if (!xml.MoveToFirstAttribute())
            return;
        do
        {
            if (xml.NamespaceURI.Length != 0)
                continue;
            switch (xml.LocalName)
            {
                case "r": reference = xml.Value; break;
                case "t": type = xml.Value; break;
                case "s": style = xml.Value; break;
                default: break;
            }
        }
        while (xml.MoveToNextAttribute());
        xml.MoveToElement();
    }

    private void StartRow(string? reference)
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

    private void StartCell(string? reference, string? type, string? style)
    {
        cellReference = reference;
        cellColumn = reference is null ? nextColumn : CellReference.ParseColumn(reference);
        if (cellColumn < 0)
            cellColumn = nextColumn;
        nextColumn = cellColumn + 1;
        cellType = type;
        cellStyle = style is not null && int.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        cellHasFormula = false;
        value.Clear();
        inlineText.Clear();
    }

    private void EndCell()
    {
        var reference = cellReference ?? CellReference.Format(cellColumn, rowNumber);
        var column = rowNumber > 1 ? RowCells.HeaderAt(headers ?? [], cellColumn) : null;
        if (cellHasFormula)
        {
            Problem(new ImportProblem(rowNumber, column, $"cell {reference} holds a formula; personal data are never computed by a spreadsheet"));
            return;
        }

        var text = CellText(reference, column);
        if (text is null)
            return;
        if (text.Length > limits.MaxCellLength)
        {
            Problem(new ImportProblem(rowNumber, column, string.Create(CultureInfo.InvariantCulture, $"cell {reference} is longer than {limits.MaxCellLength:N0} characters")));
            return;
        }

        if (headers is null)
            AddHeaderCell(text);
        else if (cellColumn < headers.Length)
            cells![cellColumn] = text;
        else if (!string.IsNullOrWhiteSpace(text))
            Problem(new ImportProblem(rowNumber, null, $"cell {reference} holds a value in a column without a header"));
    }

    /// <returns>The cell's text, or null when the cell was reported as a problem.</returns>
    private string? CellText(string reference, string? column)
    {
        var raw = value.ToString();
        switch (cellType)
        {
            case "s":
                if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count)
                    return sharedStrings[index];
                Problem(new ImportProblem(rowNumber, column, $"cell {reference} refers to a shared text that the workbook does not hold"));
                return null;
            case "inlineStr":
                return inlineText.ToString();
            case "b":
                return raw.Length == 0 ? "" : XlsxCellText.Boolean(raw);
            case "e":
                Problem(new ImportProblem(rowNumber, column, $"cell {reference} holds an error value instead of data"));
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

    private void EndRow()
    {
        if (refusal is not null)
            return;
        if (headers is null)
        {
            // The header ends at its last non-empty cell: Excel often stores formatted but empty cells after it.
            var width = headerCells.FindLastIndex(h => !string.IsNullOrWhiteSpace(h)) + 1;
            if (width == 0)
            {
                refusal = new ImportProblem(1, null, "the header row is empty");
                return;
            }

            headers = [.. headerCells.Take(width)];
            return;
        }

        if (!rowHasProblem && cells is not null && !RowCells.AreEmpty(cells))
            rows.Add(new RawRow(rowNumber, cells));
        cells = null;
    }

    private void Problem(ImportProblem problem)
    {
        rowHasProblem = true;
        problems.Add(problem);
    }
}
