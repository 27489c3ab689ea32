using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pnx.Exports;

namespace Pnx.Activities.FileFormat;

/// <summary>
/// Writes the activity file as contract §5 writes exports: CSV in UTF-8 with BOM, ';', CRLF, with the formula
/// guard; or .xlsx with the rows on sheet <c>Activiteiten</c>, every cell inline text (never a formula).
/// </summary>
public static class ActivityFileWriter
{
    public static void Write(string format, Stream stream, IReadOnlyList<ActivityExportRow> rows, CancellationToken ct)
    {
        if (format == "xlsx") WriteXlsx(stream, rows, ct);
        else WriteCsv(stream, rows, ct);
    }

    public static void WriteCsv(Stream stream, IReadOnlyList<ActivityExportRow> rows, CancellationToken ct)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        WriteRecord(writer, ActivityColumns.All, header: true);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            WriteRecord(writer, row.Cells, header: false);
        }

        writer.Flush();
    }

    /// <summary>The Open XML package needs a stream it can also read and seek.</summary>
    public static void WriteXlsx(Stream stream, IReadOnlyList<ActivityExportRow> rows, CancellationToken ct)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = XlsxStyles.Create();
        var sheet = workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new Columns(new Column { Min = 1, Max = (uint)ActivityColumns.All.Count, Width = 22, CustomWidth = true }));
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, ActivityColumns.All, header: true);
            for (var i = 0; i < rows.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                WriteRow(writer, i + 2, rows[i].Cells, header: false);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = ActivityColumns.Sheet, SheetId = 1, Id = workbookPart.GetIdOfPart(sheet) }));
    }

    private static void WriteRecord(StreamWriter writer, IReadOnlyList<string> cells, bool header)
    {
        for (var column = 0; column < cells.Count; column++)
        {
            if (column > 0) writer.Write(CsvNewcomerWriter.Delimiter);
            writer.Write(header ? cells[column] : CsvNewcomerWriter.Field(cells[column], column == ActivityExportRows.PhoneColumn));
        }

        writer.Write("\r\n");
    }

    private static void WriteRow(OpenXmlWriter writer, int rowNumber, IReadOnlyList<string> cells, bool header)
    {
        var r = rowNumber.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", r)]);
        for (var column = 0; column < cells.Count; column++)
        {
            if (cells[column].Length == 0) continue;
            // The cell is text either way; the guard protects a user who saves the sheet as CSV, and the importer strips it.
            var text = header ? cells[column] : FormulaGuard.Neutralise(cells[column], column == ActivityExportRows.PhoneColumn);
            XlsxNewcomerWriter.WriteText(writer, XlsxNewcomerWriter.ColumnName(column) + r, text, header ? 1u : null);
        }

        writer.WriteEndElement();
    }
}
