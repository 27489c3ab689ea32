using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pnx.Enrolments;
using Pnx.Enrolments.StatusSheet;

namespace Pnx.Exports;

/// <summary>
/// Sheet Activiteiten of the .xlsx export (contract §7): ids and hours as numbers, the status date as a date,
/// words as text; nothing is ever a formula. Read back by <c>pnx status import</c>.
/// </summary>
internal static class StatusSheetWriter
{
    public static void Write(WorksheetPart part, IReadOnlyList<StatusSheetRow> rows, CancellationToken ct)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new Columns(new Column { Min = 1, Max = (uint)StatusSheetColumns.All.Count, Width = 18, CustomWidth = true }));
        writer.WriteStartElement(new SheetData());
        StartRow(writer, 1);
        for (var column = 0; column < StatusSheetColumns.All.Count; column++)
        {
            XlsxNewcomerWriter.WriteText(writer, Reference(column, 1), StatusSheetColumns.All[column], XlsxNewcomerWriter.HeaderStyle);
        }

        writer.WriteEndElement();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i % 1000 == 0) ct.ThrowIfCancellationRequested();
            var row = rows[i];
            var r = i + 2;
            StartRow(writer, r);
            XlsxNewcomerWriter.WriteText(writer, Reference(0, r), FormulaGuard.Neutralise(row.DossierNumber), null);
            WriteNumber(writer, Reference(1, r), row.EnrolmentId);
            WriteNumber(writer, Reference(2, r), row.ActivityId);
            XlsxNewcomerWriter.WriteText(writer, Reference(3, r), FormulaGuard.Neutralise(row.ActivityTitle), null);
            XlsxNewcomerWriter.WriteText(writer, Reference(4, r), row.Status.Word(), null);
            if (row.Reason is { } reason) XlsxNewcomerWriter.WriteText(writer, Reference(5, r), reason.Word(), null);
            if (row.Hours is { } hours) WriteNumber(writer, Reference(6, r), hours);
            XlsxNewcomerWriter.WriteDate(writer, Reference(7, r), row.StatusDate);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void StartRow(OpenXmlWriter writer, int row) =>
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", row.ToString(CultureInfo.InvariantCulture))]);

    private static string Reference(int column, int row) => XlsxNewcomerWriter.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static void WriteNumber(OpenXmlWriter writer, string reference, double value)
    {
        writer.WriteStartElement(new Cell { CellReference = reference });
        writer.WriteElement(new CellValue(value.ToString("R", CultureInfo.InvariantCulture)));
        writer.WriteEndElement();
    }
}
