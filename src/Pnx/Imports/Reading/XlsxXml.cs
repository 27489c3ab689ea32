using System.Xml;

namespace Pnx.Imports.Reading;

internal static class XlsxXml
{
    /// <summary>Parts are read with DTDs prohibited and no resolver: no entity expansion, no external fetches.</summary>
    public static XmlReader Open(Stream part, ReaderLimits limits) => XmlReader.Create(part, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = limits.MaxUncompressedBytes,
        CloseInput = true,
    });

    public static bool IsText(XmlNodeType type) =>
        type is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;
}
