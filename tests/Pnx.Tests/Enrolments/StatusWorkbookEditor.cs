using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pnx.Tests.Enrolments;

/// <summary>Edits an exported workbook the way a case worker does in a spreadsheet program: typing into cells, adding rows.</summary>
public sealed class StatusWorkbookEditor : IDisposable
{
    public const string Activities = "Activiteiten";
    public const string Newcomers = "Inburgeraars";

    private readonly SpreadsheetDocument _document;

    private StatusWorkbookEditor(SpreadsheetDocument document) => _document = document;

    public static StatusWorkbookEditor Open(string path) => new(SpreadsheetDocument.Open(path, isEditable: true));

    /// <summary>Column letter of a status sheet column (as exported).</summary>
    public static string Letter(string column) => column switch
    {
        "Dossiernummer" => "A",
        "Inschrijving-ID" => "B",
        "Activiteit-ID" => "C",
        "Activiteit" => "D",
        "Status" => "E",
        "Reden" => "F",
        "Uren" => "G",
        "Datum status" => "H",
        _ => throw new ArgumentException(column, nameof(column)),
    };

    /// <summary>The row of sheet Activiteiten that holds the enrolment.</summary>
    public int RowOf(long enrolmentId)
    {
        var id = enrolmentId.ToString(CultureInfo.InvariantCulture);
        return (int)Data(Activities).Elements<Row>()
            .Single(r => r.Elements<Cell>().Any(c => c.CellReference!.Value == "B" + r.RowIndex!.Value.ToString(CultureInfo.InvariantCulture) && Text(c) == id))
            .RowIndex!.Value;
    }

    /// <summary>Types <paramref name="text"/> into the enrolment's cell of <paramref name="column"/>; returns the row number.</summary>
    public int Type(long enrolmentId, string column, string text)
    {
        var row = RowOf(enrolmentId);
        Set(Activities, Letter(column) + row.ToString(CultureInfo.InvariantCulture), text);
        return row;
    }

    /// <summary>Appends a row to sheet Activiteiten with the given cells (by column name); returns its number.</summary>
    public int AddRow(IReadOnlyDictionary<string, string> cells)
    {
        var data = Data(Activities);
        var number = (uint)(data.Elements<Row>().Select(r => r.RowIndex!.Value).DefaultIfEmpty(1u).Max() + 1);
        data.Append(new Row { RowIndex = number });
        foreach (var (column, text) in cells) Set(Activities, Letter(column) + number.ToString(CultureInfo.InvariantCulture), text);
        return (int)number;
    }

    /// <summary>Sets one cell as typed text, creating it in column order when it was empty.</summary>
    public void Set(string sheet, string reference, string text)
    {
        var rowNumber = uint.Parse(new string(reference.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);
        var row = Data(sheet).Elements<Row>().Single(r => r.RowIndex!.Value == rowNumber);
        var cell = new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
        var existing = row.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value == reference);
        if (existing is not null)
        {
            row.ReplaceChild(cell, existing);
            return;
        }

        var after = row.Elements<Cell>().FirstOrDefault(c => Column(c.CellReference!.Value!) > Column(reference));
        if (after is null) row.Append(cell);
        else row.InsertBefore(cell, after);
    }

    public static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    private static int Column(string reference) => reference.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));

    private SheetData Data(string name)
    {
        var workbook = _document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
    }

    public void Dispose() => _document.Dispose();
}
