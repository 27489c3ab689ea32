using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pnx.Tests.Imports.Reading;

/// <summary>A cell to write into a test workbook.</summary>
public abstract record TestCell
{
    public sealed record Shared(string Value) : TestCell;

    public sealed record Inline(string Value) : TestCell;

    public sealed record Number(double Value) : TestCell;

    /// <summary>A real Excel date: a serial number with a date style.</summary>
    public sealed record Date(DateOnly Value) : TestCell;

    public sealed record Boolean(bool Value) : TestCell;

    public sealed record Formula(string Expression, string CachedValue) : TestCell;

    public sealed record Error(string Code) : TestCell;

    public static implicit operator TestCell(string value) => new Shared(value);

    public static implicit operator TestCell(double value) => new Number(value);
}

/// <param name="Rows">One entry per row from row 1; a null row is left out of the file (a gap), a null cell too.</param>
public sealed record TestSheet(string Name, params TestCell?[]?[] Rows);

/// <summary>Builds workbooks in memory with the Open XML SDK, the way a spreadsheet program would save them.</summary>
public static class TestWorkbooks
{
    private const uint DateStyle = 1;

    public static byte[] Create(params TestSheet[] sheets) => Create(withCellReferences: true, sheets);

    public static byte[] Create(bool withCellReferences, params TestSheet[] sheets) =>
        Create(SpreadsheetDocumentType.Workbook, withCellReferences, sheets);

    public static byte[] Create(SpreadsheetDocumentType type, bool withCellReferences, params TestSheet[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, type))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetList = workbook.Workbook.AppendChild(new Sheets());
            AddStyles(workbook);
            var sharedStrings = new List<string>();
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(BuildSheetData(sheet, sharedStrings, withCellReferences));
                sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
            }

            if (sharedStrings.Count > 0)
            {
                var part = workbook.AddNewPart<SharedStringTablePart>();
                part.SharedStringTable = new SharedStringTable(sharedStrings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            }
        }

        return stream.ToArray();
    }

    /// <summary>A workbook with one sheet "Inburgeraars".</summary>
    public static byte[] Create(params TestCell?[]?[] rows) => Create(new TestSheet("Inburgeraars", rows));

    public static byte[] WithExtraEntry(byte[] workbook, string entryName, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(entryName).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }

    /// <summary>A zip whose entries are given as text; used for hand-written parts and hostile archives.</summary>
    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    public static byte[] Zip(params (string Name, string Content)[] entries) =>
        Zip(entries.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Content))));

    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0 },
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
    }

    private static SheetData BuildSheetData(TestSheet sheet, List<string> sharedStrings, bool withCellReferences)
    {
        var data = new SheetData();
        for (var r = 0; r < sheet.Rows.Length; r++)
        {
            if (sheet.Rows[r] is not { } cells)
                continue;
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c] is not { } cell)
                    continue;
                var written = BuildCell(cell, sharedStrings);
                if (withCellReferences)
                    written.CellReference = ColumnLetters(c) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                row.Append(written);
            }

            data.Append(row);
        }

        return data;
    }

    private static Cell BuildCell(TestCell cell, List<string> sharedStrings) => cell switch
    {
        TestCell.Shared s => new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(SharedIndex(s.Value, sharedStrings)) },
        TestCell.Inline s => new Cell(new InlineString(new Text(s.Value) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString },
        TestCell.Number n => new Cell { CellValue = new CellValue(n.Value) },
        TestCell.Date d => new Cell { StyleIndex = DateStyle, CellValue = new CellValue(d.Value.ToDateTime(TimeOnly.MinValue).ToOADate()) },
        TestCell.Boolean b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b.Value ? "1" : "0") },
        TestCell.Formula f => new Cell(new CellFormula(f.Expression), new CellValue(f.CachedValue)) { DataType = CellValues.String },
        TestCell.Error e => new Cell { DataType = CellValues.Error, CellValue = new CellValue(e.Code) },
        _ => throw new ArgumentOutOfRangeException(nameof(cell)),
    };

    private static int SharedIndex(string value, List<string> sharedStrings)
    {
        var index = sharedStrings.IndexOf(value);
        if (index >= 0)
            return index;
        sharedStrings.Add(value);
        return sharedStrings.Count - 1;
    }

    public static string ColumnLetters(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        return letters;
    }
}
