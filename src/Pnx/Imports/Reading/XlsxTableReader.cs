using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pnx.Imports.Reading;

/// <summary>Reads the preferred sheet (Inburgeraars, or Activiteiten for the activity file; any case), else the first sheet, or one named sheet, after the zip has passed the guards.</summary>
internal static class XlsxTableReader
{
    public const string PreferredSheet = "Inburgeraars";

    public static ReadResult Read(byte[] content, ReaderLimits limits, string preferredSheet = PreferredSheet)
    {
        var table = new TableSink();
        return table.Result(Read(content, limits, preferredSheet, table));
    }

    /// <summary>Sends the preferred sheet's rows to <paramref name="sink"/>; returns the problems that kept it from being read.</summary>
    public static IReadOnlyList<ImportProblem> Read(byte[] content, ReaderLimits limits, string preferredSheet, RowSink sink) =>
        Read(content, limits, sheets => sheets.Find(s => Named(s, preferredSheet)) ?? sheets[0], sink)!;

    /// <summary>Reads the sheet named <paramref name="name"/> (any case); null when the workbook has none of that name.</summary>
    public static ReadResult? ReadSheet(byte[] content, ReaderLimits limits, string name)
    {
        var table = new TableSink();
        return Read(content, limits, sheets => sheets.Find(s => Named(s, name)), table) is { } problems ? table.Result(problems) : null;
    }

    private static bool Named(Sheet sheet, string name) => string.Equals(sheet.Name?.Value, name, StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<ImportProblem>? Read(byte[] content, ReaderLimits limits, Func<List<Sheet>, Sheet?> choose, RowSink sink)
    {
        if (XlsxGuards.Check(content, limits) is { } refusal)
            return [refusal];

        try
        {
            var settings = new OpenSettings { MaxCharactersInPart = limits.MaxUncompressedBytes, AutoSave = false };
            using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), isEditable: false, settings);
            var workbook = document.WorkbookPart;
            var sheets = workbook?.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
            if (workbook is null || sheets.Count == 0)
                return [ImportProblem.File(XlsxGuards.NotAWorkbook)];

            if (choose(sheets) is not { } sheet)
                return null;
            if (sheet.Id?.Value is not { } id || !workbook.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
                return [ImportProblem.File("the sheet to read is not a worksheet (a chart sheet?); put the data in a normal sheet")];

            var sharedStrings = XlsxSharedStrings.Load(workbook.SharedStringTablePart, limits);
            var dateStyles = XlsxDateStyles.Load(workbook.WorkbookStylesPart);
            return XlsxSheetReader.Read(worksheet.GetStream(FileMode.Open, FileAccess.Read), sharedStrings, dateStyles, limits, sink);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or FormatException or IOException or InvalidOperationException)
        {
            // The package or one of its parts is malformed: input to refuse, not a bug to crash on.
            return [ImportProblem.File(XlsxGuards.NotAWorkbook)];
        }
    }
}
