using DocumentFormat.OpenXml.Spreadsheet;

namespace Pnx.Exports;

/// <summary>The three cell styles of an export: 0 plain, 1 bold header, 2 date (yyyy-mm-dd).</summary>
internal static class XlsxStyles
{
    private const uint IsoDateFormat = 164;

    public static Stylesheet Create() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = IsoDateFormat, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = IsoDateFormat, ApplyNumberFormat = true }) { Count = 3 });
}
