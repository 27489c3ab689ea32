using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Pnx.Imports.Reading;

/// <summary>
/// The workbook's shared string table, read as a stream. A rich-text item is the concatenation of its
/// runs; phonetic hints (<c>rPh</c>) are not part of the text a user sees.
/// </summary>
internal static class XlsxSharedStrings
{
    public static IReadOnlyList<string> Load(SharedStringTablePart? part, ReaderLimits limits)
    {
        var strings = new List<string>();
        if (part is null)
            return strings;

        using var reader = XlsxXml.Open(part.GetStream(FileMode.Open, FileAccess.Read), limits);
        var text = new StringBuilder();
        var inText = false;
        var phoneticDepth = -1;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "si":
                    text.Clear();
                    if (reader.IsEmptyElement)
                        strings.Add("");
                    break;
                case XmlNodeType.Element when reader.LocalName == "rPh" && !reader.IsEmptyElement:
                    phoneticDepth = reader.Depth;
                    break;
                case XmlNodeType.Element when reader.LocalName == "t" && phoneticDepth < 0 && !reader.IsEmptyElement:
                    inText = true;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "si":
                    strings.Add(text.ToString());
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "rPh" && reader.Depth == phoneticDepth:
                    phoneticDepth = -1;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "t":
                    inText = false;
                    break;
                case var type when inText && XlsxXml.IsText(type):
                    text.Append(reader.Value);
                    break;
                default:
                    break;
            }
        }

        return strings;
    }
}
