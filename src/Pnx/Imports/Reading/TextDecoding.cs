using System.Text;
using System.Text.Unicode;

namespace Pnx.Imports.Reading;

/// <summary>
/// UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252: that is what Excel on a
/// Belgian Windows writes for "CSV (separated by semicolons)". UTF-16 with a BOM is Excel's "Unicode text".
/// </summary>
internal static class TextDecoding
{
    private static readonly Encoding Windows1252 = CreateWindows1252();

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static bool HasUtf16ByteOrderMark(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    public static string Decode(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Utf8Bom))
            content = content[Utf8Bom.Length..];
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.Unicode.GetString(content[2..]);
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.BigEndianUnicode.GetString(content[2..]);

        return Utf8.IsValid(content) ? Encoding.UTF8.GetString(content) : Windows1252.GetString(content);
    }

    private static Encoding CreateWindows1252()
    {
        // Idempotent; registered here too so the reader works outside Program (tests, benchmarks).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
