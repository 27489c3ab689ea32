using System.Text;
using Pnx.Imports;

namespace Pnx.Exports;

/// <summary>CSV as Excel on a Belgian Windows opens it (contract §5): UTF-8 with BOM, ';', CRLF, RFC 4180 quoting.</summary>
public static class CsvNewcomerWriter
{
    public const char Delimiter = ';';

    public static void Write(Stream stream, IReadOnlyList<NewcomerExportRow> rows, CancellationToken ct)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        WriteRecord(writer, NewcomerColumns.All);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i % 1000 == 0) ct.ThrowIfCancellationRequested();
            WriteRecord(writer, rows[i].Cells);
        }

        writer.Flush();
    }

    private static void WriteRecord(StreamWriter writer, IReadOnlyList<string> cells)
    {
        for (var column = 0; column < cells.Count; column++)
        {
            if (column > 0) writer.Write(Delimiter);
            writer.Write(Field(cells[column], column == NewcomerExportRows.PhoneColumn));
        }

        writer.Write("\r\n");
    }

    public static string Field(string value, bool isPhoneColumn)
    {
        var safe = FormulaGuard.Neutralise(value, isPhoneColumn);
        return safe.AsSpan().IndexOfAny(";\"\r\n") >= 0
            ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : safe;
    }
}
