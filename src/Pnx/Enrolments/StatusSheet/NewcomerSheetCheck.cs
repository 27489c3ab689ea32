using Pnx.Exports;
using Pnx.Imports;
using Pnx.Imports.Reading;
using Pnx.Imports.Validation;

namespace Pnx.Enrolments.StatusSheet;

/// <summary>
/// Sheet Inburgeraars of an uploaded status sheet must still hold the shared data as they are now: municipalities
/// never correct shared data, the agency does (protocol art. 1 and 7). Each cell is read as the import reads it and
/// compared with the export's formatting of the current data for that dossier number; a changed cell is refused
/// by its reference (e.g. Inburgeraars!C7), never by its value. Rows may be left out or sorted.
/// </summary>
internal static class NewcomerSheetCheck
{
    private static readonly int InterestsColumn = IndexOf(NewcomerColumns.Interests);

    public static List<ImportProblem> Check(RawTable sheet, IReadOnlyList<NewcomerExportRow> current)
    {
        var problems = new List<ImportProblem>();
        var columns = NewcomerColumns.All;
        for (var i = 0; i < Math.Max(sheet.Headers.Count, columns.Count); i++)
        {
            var written = i < sheet.Headers.Count ? sheet.Headers[i].Trim() : "";
            var expected = i < columns.Count ? columns[i] : "";
            if (!string.Equals(written, expected, StringComparison.OrdinalIgnoreCase)) problems.Add(Changed(1, i, expected.Length > 0 ? expected : null));
        }

        // With a column added, removed or moved, every cell after it would differ: the header problem says it all.
        if (problems.Count > 0) return problems;

        var byDossier = new Dictionary<string, NewcomerExportRow>(StringComparer.Ordinal);
        foreach (var row in current) byDossier.TryAdd(row.DossierNumber, row);
        foreach (var row in sheet.Rows)
        {
            if (!byDossier.TryGetValue(Read(row.Cells[0], 0) ?? "", out var shared))
            {
                problems.Add(Changed(row.RowNumber, 0, columns[0]));
                continue;
            }

            for (var c = 1; c < columns.Count; c++)
            {
                if (!string.Equals(Read(row.Cells[c], c), shared.Cells[c], StringComparison.Ordinal)) problems.Add(Changed(row.RowNumber, c, columns[c]));
            }
        }

        return problems;
    }

    /// <summary>The cell as the import reads it (trimmed, formula prefix undone, NFC); null when the import would refuse it.</summary>
    private static string? Read(string raw, int column) =>
        TextRules.Clean(raw, allowLineBreaks: column == InterestsColumn, out var value) is null ? value : null;

    private static ImportProblem Changed(int row, int column, string? name) => new(
        row, name,
        $"cell {StatusSheetFile.NewcomerSheet}!{CellReference.Format(column, row)} differs from the data the agency shared; shared data are corrected only by the agency (report the error to the agency), so restore the exported value");

    private static int IndexOf(string column)
    {
        for (var i = 0; i < NewcomerColumns.All.Count; i++)
        {
            if (NewcomerColumns.All[i] == column) return i;
        }

        throw new InvalidOperationException($"Column \"{column}\" is not an import column.");
    }
}
