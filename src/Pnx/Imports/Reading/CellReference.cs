using System.Globalization;
using System.Text;

namespace Pnx.Imports.Reading;

/// <summary>A1-style cell references: "B9" is column index 1 (zero-based) of row 9.</summary>
internal static class CellReference
{
    public const int MaxColumns = 16_384;

    /// <returns>The zero-based column index, or -1 when the reference does not start with 1–3 letters.</returns>
    public static int ParseColumn(ReadOnlySpan<char> reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z')
                break;
            column = (column * 26) + (upper - 'A' + 1);
            if (++letters > 3)
                return -1;
        }

        return letters == 0 || column > MaxColumns ? -1 : column - 1;
    }

    public static string Format(int column, int row)
    {
        var letters = new StringBuilder(3);
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
            letters.Insert(0, (char)('A' + ((n - 1) % 26)));
        return letters.Append(row.ToString(CultureInfo.InvariantCulture)).ToString();
    }
}
