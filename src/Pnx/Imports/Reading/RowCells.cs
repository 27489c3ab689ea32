namespace Pnx.Imports.Reading;

internal static class RowCells
{
    /// <summary>Empty rows are skipped but keep their number, so later rows are named as a spreadsheet shows them.</summary>
    public static bool AreEmpty(IReadOnlyList<string> cells)
    {
        foreach (var cell in cells)
        {
            if (!string.IsNullOrWhiteSpace(cell))
                return false;
        }

        return true;
    }

    public static string? HeaderAt(IReadOnlyList<string> headers, int index) =>
        index >= 0 && index < headers.Count ? headers[index] : null;
}
