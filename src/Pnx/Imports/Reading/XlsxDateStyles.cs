using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pnx.Imports.Reading;

/// <summary>
/// Which cell styles show a number as a date. Excel stores a date as a day count; only the style's
/// number format says it is a date, so the reader must look there to return it as yyyy-MM-dd.
/// </summary>
internal sealed class XlsxDateStyles
{
    private readonly bool[] isDate;

    private XlsxDateStyles(bool[] isDate) => this.isDate = isDate;

    public bool IsDate(int styleIndex) => styleIndex >= 0 && styleIndex < isDate.Length && isDate[styleIndex];

    public static XlsxDateStyles Load(WorkbookStylesPart? part)
    {
        var stylesheet = part?.Stylesheet;
        if (stylesheet?.CellFormats is null)
            return new XlsxDateStyles([]);

        var customFormats = new Dictionary<uint, string>();
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code)
                customFormats[id] = code;
        }

        var flags = stylesheet.CellFormats.Elements<CellFormat>()
            .Select(f => IsDateFormat(f.NumberFormatId?.Value ?? 0, customFormats))
            .ToArray();
        return new XlsxDateStyles(flags);
    }

    private static bool IsDateFormat(uint id, Dictionary<uint, string> customFormats) =>
        customFormats.TryGetValue(id, out var code) ? IsDateFormatCode(code) : id is (>= 14 and <= 22) or (>= 45 and <= 47);

    /// <summary>
    /// A custom format is a date when, outside literals and [brackets], it has a day or year, or a month
    /// without hours or seconds (in "h:mm" and "mm:ss" the m means minutes).
    /// </summary>
    internal static bool IsDateFormatCode(string code)
    {
        bool day = false, month = false, year = false, hour = false, second = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = char.ToLowerInvariant(code[i]);
            switch (c)
            {
                case ';':
                    i = code.Length; // only the first section applies to positive numbers
                    break;
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    i = close < 0 ? code.Length : close;
                    break;
                case '[':
                    var bracket = code.IndexOf(']', i + 1);
                    i = bracket < 0 ? code.Length : bracket;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case 'd': day = true; break;
                case 'm': month = true; break;
                case 'y': year = true; break;
                case 'h': hour = true; break;
                case 's': second = true; break;
                default: break;
            }
        }

        return day || year || (month && !hour && !second);
    }
}
