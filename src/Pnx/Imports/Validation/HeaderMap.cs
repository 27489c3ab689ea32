using System.Globalization;

namespace Pnx.Imports.Validation;

/// <summary>
/// Maps the file's header cells onto the protocol's columns (contract §4). The whitelist of article 3
/// is enforced here: a column outside it is refused by name, and its values are never looked at.
/// </summary>
internal sealed class HeaderMap
{
    private const int MaxShownHeader = 60;

    private readonly int[] _fileIndexByColumn;

    private HeaderMap(int[] fileIndexByColumn) => _fileIndexByColumn = fileIndexByColumn;

    /// <summary>Index in the file's cells of a canonical column, or -1 when the file does not have it.</summary>
    public int IndexOf(string canonicalColumn)
    {
        for (var i = 0; i < NewcomerColumns.All.Count; i++)
        {
            if (string.Equals(NewcomerColumns.All[i], canonicalColumn, StringComparison.Ordinal))
                return _fileIndexByColumn[i];
        }
        throw new ArgumentException($"Not a column of the protocol: {canonicalColumn}", nameof(canonicalColumn));
    }

    public static HeaderMap Build(IReadOnlyList<string> headers, List<ImportProblem> problems)
    {
        var byColumn = new int[NewcomerColumns.All.Count];
        Array.Fill(byColumn, -1);

        for (var fileIndex = 0; fileIndex < headers.Count; fileIndex++)
        {
            var written = Normalise(headers[fileIndex]);
            if (written.Length == 0)
            {
                problems.Add(new ImportProblem(1, null, string.Create(CultureInfo.InvariantCulture,
                    $"column {fileIndex + 1} has no header; every column must be one the protocol allows (article 3)")));
                continue;
            }

            var column = Find(written);
            if (column < 0)
            {
                problems.Add(new ImportProblem(1, Shown(written),
                    "is not allowed by the protocol's whitelist (article 3); allowed columns are "
                    + string.Join(", ", NewcomerColumns.All)));
                continue;
            }

            if (byColumn[column] >= 0)
            {
                problems.Add(new ImportProblem(1, NewcomerColumns.All[column], string.Create(CultureInfo.InvariantCulture,
                    $"appears more than once (columns {byColumn[column] + 1} and {fileIndex + 1})")));
                continue;
            }
            byColumn[column] = fileIndex;
        }

        foreach (var required in NewcomerColumns.Required)
        {
            var column = IndexOfCanonical(required);
            if (byColumn[column] < 0)
                problems.Add(new ImportProblem(null, required, "is a required column but the file does not have it"));
        }
        return new HeaderMap(byColumn);
    }

    // Non-breaking spaces come from pasting headers out of Word or a web page; they mean a space.
    private static string Normalise(string header) =>
        header.Replace('\u00A0', ' ').Trim().Trim('\uFEFF').Trim();

    private static int Find(string header)
    {
        for (var i = 0; i < NewcomerColumns.All.Count; i++)
        {
            if (string.Equals(NewcomerColumns.All[i], header, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }

    private static int IndexOfCanonical(string column)
    {
        for (var i = 0; i < NewcomerColumns.All.Count; i++)
        {
            if (string.Equals(NewcomerColumns.All[i], column, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    // A header is a name chosen by whoever made the file, not a value, but it still goes into a log:
    // keep it printable and short.
    private static string Shown(string header)
    {
        var chars = header.Select(c => char.IsControl(c) || TextRules.IsBidiControl(c) ? '?' : c).ToArray();
        var text = new string(chars);
        return text.Length <= MaxShownHeader ? text : string.Concat(text.AsSpan(0, MaxShownHeader), "…");
    }
}
