using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pnx.Enrolments.StatusSheet;
using Pnx.Imports;

namespace Pnx.Exports;

/// <summary>
/// Excel export (contract §5), written with the SAX writer so that 100,000 rows stay fast and small
/// in memory. Every cell is an inline string or a date; nothing is ever written as a formula.
/// </summary>
public static class XlsxNewcomerWriter
{
    public const string NewcomerSheet = "Inburgeraars";
    public const string ActivitySheet = "Activiteiten";

    internal const uint HeaderStyle = 1;
    private const uint DateStyle = 2;

    /// <summary>
    /// The newcomers on sheet Inburgeraars and their enrolments on sheet Activiteiten, the status sheet of contract §7
    /// that case workers fill in and upload again (the one thing municipalities send back, protocol art. 1).
    /// </summary>
    public static void Write(string path, IReadOnlyList<NewcomerExportRow> rows, IReadOnlyList<StatusSheetRow> statuses, CancellationToken ct)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = XlsxStyles.Create();

        var newcomers = workbookPart.AddNewPart<WorksheetPart>();
        WriteSheet(newcomers, NewcomerColumns.All, rows, ct);
        var activities = workbookPart.AddNewPart<WorksheetPart>();
        StatusSheetWriter.Write(activities, statuses, ct);

        workbookPart.Workbook = new Workbook(new Sheets(
            new Sheet { Name = NewcomerSheet, SheetId = 1, Id = workbookPart.GetIdOfPart(newcomers) },
            new Sheet { Name = ActivitySheet, SheetId = 2, Id = workbookPart.GetIdOfPart(activities) }));
    }

    private static void WriteSheet(WorksheetPart part, IReadOnlyList<string> header, IReadOnlyList<NewcomerExportRow> rows, CancellationToken ct)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new Columns(new Column { Min = 1, Max = (uint)header.Count, Width = 20, CustomWidth = true }));
        writer.WriteStartElement(new SheetData());

        WriteRow(writer, 1, header, headerRow: true, certificateDate: null);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i % 1000 == 0) ct.ThrowIfCancellationRequested();
            WriteRow(writer, i + 2, rows[i].Cells, headerRow: false, rows[i].CertificateDate);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, int rowNumber, IReadOnlyList<string> cells, bool headerRow, DateOnly? certificateDate)
    {
        var r = rowNumber.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", r)]);
        for (var column = 0; column < cells.Count; column++)
        {
            var reference = ColumnName(column) + r;
            if (!headerRow && column == NewcomerExportRows.CertificateDateColumn)
            {
                if (certificateDate is { } date) WriteDate(writer, reference, date);
            }
            else if (cells[column].Length > 0)
            {
                // Same guard as CSV: the cell is text either way, but a user may save the sheet as CSV, and the importer strips the prefix.
                var text = headerRow ? cells[column] : FormulaGuard.Neutralise(cells[column], column == NewcomerExportRows.PhoneColumn);
                WriteText(writer, reference, text, headerRow ? HeaderStyle : null);
            }
        }

        writer.WriteEndElement();
    }

    internal static void WriteText(OpenXmlWriter writer, string reference, string value, uint? style)
    {
        var cell = new Cell { CellReference = reference, DataType = CellValues.InlineString };
        if (style is { } s) cell.StyleIndex = s;
        writer.WriteStartElement(cell);
        writer.WriteElement(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }));
        writer.WriteEndElement();
    }

    internal static void WriteDate(OpenXmlWriter writer, string reference, DateOnly date)
    {
        // A serial day number with a date format: a real Excel date, which the importer reads as such.
        var serial = (long)date.ToDateTime(TimeOnly.MinValue).ToOADate();
        writer.WriteStartElement(new Cell { CellReference = reference, StyleIndex = DateStyle });
        writer.WriteElement(new CellValue(serial.ToString(CultureInfo.InvariantCulture)));
        writer.WriteEndElement();
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
