namespace Pnx.Imports.Validation;

/// <summary>
/// Maps the file's header cells onto the protocol's columns (contract §4). The whitelist of article 3
/// is enforced here: a column outside it is refused by name, and its values are never looked at.
/// The activity file (contract §7) is mapped the same way onto its own <see cref="ColumnSet"/>.
/// </summary>
internal sealed class HeaderMap
{
    private const int MaxShownHeader = 60;

    private readonly ColumnSet _columns;
    private readonly int[] _fileIndexByColumn;

    private HeaderMap(ColumnSet columns, int[] fileIndexByColumn)
    {
        _columns = columns;
        _fileIndexByColumn = fileIndexByColumn;
    }

    /// <summary>Index in the file's cells of a canonical column, or -1 when the file does not have it.</summary>
    public int IndexOf(string canonicalColumn)
    {
        var column = IndexOfCanonical(_columns.All, canonicalColumn);
        if (column >= 0) return _fileIndexByColumn[column];
        throw new ArgumentException($"Not a column of the file: {canonicalColumn}", nameof(canonicalColumn));
    }

    public static HeaderMap Build(IReadOnlyList<string> headers, List<ImportProblem> problems) =>
        Build(headers, ColumnSet.Newcomers, problems);

    public static HeaderMap Build(IReadOnlyList<string> headers, ColumnSet columns, List<ImportProblem> problems)
    {
        var byColumn = new int[columns.All.Count];
        Array.Fill(byColumn, -1);

        for (var fileIndex = 0; fileIndex < headers.Count; fileIndex++)
        {
            var written = Normalise(headers[fileIndex]);
            if (written.Length == 0)
            {
                problems.Add(new ImportProblem(1, null, columns.Texts.NoHeader(fileIndex + 1)));
                continue;
            }

            var column = Find(columns.All, written);
            if (column < 0)
            {
                problems.Add(new ImportProblem(1, Shown(written), columns.Texts.NotAllowed(string.Join(", ", columns.All))));
                continue;
            }

            if (byColumn[column] >= 0)
            {
                problems.Add(new ImportProblem(1, columns.All[column], columns.Texts.Twice(byColumn[column] + 1, fileIndex + 1)));
                continue;
            }
            byColumn[column] = fileIndex;
        }

        foreach (var required in columns.Required)
        {
            var column = IndexOfCanonical(columns.All, required);
            if (byColumn[column] < 0)
                problems.Add(new ImportProblem(null, required, columns.Texts.Missing));
        }
        return new HeaderMap(columns, byColumn);
    }

    // Non-breaking spaces come from pasting headers out of Word or a web page; they mean a space.
    private static string Normalise(string header) =>
        header.Replace('\u00A0', ' ').Trim().Trim('\uFEFF').Trim();

    private static int Find(IReadOnlyList<string> columns, string header)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], header, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }

    private static int IndexOfCanonical(IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], column, StringComparison.Ordinal)) return i;
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
