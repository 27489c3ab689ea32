using System.Xml;

namespace Pnx.Imports.Reading;

/// <summary>
/// Streams one worksheet's <c>sheetData</c> with a plain XmlReader: far faster than loading each cell
/// as an object, which matters at 100,000 rows.
/// </summary>
internal static class XlsxSheetReader
{
    public static IReadOnlyList<ImportProblem> Read(Stream worksheet, IReadOnlyList<string> sharedStrings, XlsxDateStyles dateStyles, ReaderLimits limits, RowSink sink)
    {
        var table = new XlsxTableBuilder(sharedStrings, dateStyles, limits, sink);
        using (var xml = XlsxXml.Open(worksheet, limits))
            ReadSheetData(xml, table);
        return table.Result();
    }

    private static void ReadSheetData(XmlReader xml, XlsxTableBuilder table)
    {
        var inSheetData = false;
        var inValue = false;
        var inInline = false;
        var inInlineText = false;
        var phoneticDepth = -1;
        while (!table.IsDone && xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                var empty = xml.IsEmptyElement;
                switch (xml.LocalName)
                {
                    case "sheetData":
                        inSheetData = !empty;
                        break;
                    case "row" when inSheetData:
                        table.StartRow(xml.GetAttribute("r"));
                        if (empty)
                            table.EndRow();
                        break;
                    case "c" when inSheetData:
                        ReadCellAttributes(xml, out var reference, out var type, out var style);
                        table.StartCell(reference, type, style);
                        if (empty)
                            table.EndCell();
                        break;
                    case "f" when inSheetData:
                        table.MarkFormula();
                        break;
                    case "v" when inSheetData:
                        inValue = !empty;
                        break;
                    case "is" when inSheetData:
                        inInline = !empty;
                        break;
                    case "rPh" when inInline && !empty:
                        phoneticDepth = xml.Depth;
                        break;
                    case "t" when inInline && phoneticDepth < 0:
                        inInlineText = !empty;
                        break;
                    default:
                        break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement)
            {
                switch (xml.LocalName)
                {
                    case "sheetData":
                        return;
                    case "row" when inSheetData:
                        table.EndRow();
                        break;
                    case "c" when inSheetData:
                        table.EndCell();
                        break;
                    case "v":
                        inValue = false;
                        break;
                    case "is":
                        inInline = false;
                        break;
                    case "rPh" when xml.Depth == phoneticDepth:
                        phoneticDepth = -1;
                        break;
                    case "t":
                        inInlineText = false;
                        break;
                    default:
                        break;
                }
            }
            else if (XlsxXml.IsText(xml.NodeType))
            {
                if (inValue)
                    table.Value.Append(xml.Value);
                else if (inInlineText)
                    table.InlineText.Append(xml.Value);
            }
        }
    }

    /// <summary>One pass over the attributes instead of three lookups by name: this runs for every cell.</summary>
    private static void ReadCellAttributes(XmlReader xml, out string? reference, out string? type, out string? style)
    {
        reference = type = style = null;
        if (!xml.MoveToFirstAttribute())
            return;
        do
        {
            if (xml.NamespaceURI.Length != 0)
                continue;
            switch (xml.LocalName)
            {
                case "r": reference = xml.Value; break;
                case "t": type = xml.Value; break;
                case "s": style = xml.Value; break;
                default: break;
            }
        }
        while (xml.MoveToNextAttribute());
        xml.MoveToElement();
    }
}
