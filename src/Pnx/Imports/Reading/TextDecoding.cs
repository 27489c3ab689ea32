using System.Buffers;
using System.Text;

namespace Pnx.Imports.Reading;

/// <summary>
/// UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252: that is what Excel on a
/// Belgian Windows writes for "CSV (separated by semicolons)". UTF-16 with a BOM is Excel's "Unicode text".
/// The choice needs the whole file, so it is one streaming pass before the reading pass.
/// </summary>
internal static class TextDecoding
{
    private static readonly Encoding Windows1252 = CreateWindows1252();

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static bool HasUtf16ByteOrderMark(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    /// <summary>
    /// A reader of the text from the stream's position, or null when the bytes hold a NUL: text exports never do,
    /// binary formats are full of them.
    /// </summary>
    public static StreamReader? Open(Stream stream)
    {
        var start = stream.Position;
        Span<byte> head = stackalloc byte[3];
        head = head[..stream.ReadAtLeast(head, 3, throwOnEndOfStream: false)];
        Encoding encoding;
        var preamble = 0;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (encoding, preamble) = (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2);
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (encoding, preamble) = (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2);
        }
        else
        {
            stream.Position = start;
            if (!Scan(stream, out var utf8)) return null;
            preamble = head.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
            encoding = utf8 ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : Windows1252;
        }

        stream.Position = start + preamble;
        return new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
    }

    /// <returns>false when the bytes hold a NUL; <paramref name="utf8"/>: whether they are valid UTF-8.</returns>
    private static bool Scan(Stream stream, out bool utf8)
    {
        var decoder = StrictUtf8.GetDecoder();
        var bytes = ArrayPool<byte>.Shared.Rent(1 << 20);
        var chars = ArrayPool<char>.Shared.Rent((1 << 20) + 4);
        utf8 = true;
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, 1 << 20)) > 0)
            {
                if (bytes.AsSpan(0, read).Contains((byte)0)) return false;
                if (utf8) utf8 = Decodes(decoder, bytes.AsSpan(0, read), chars, flush: false);
            }

            if (utf8) utf8 = Decodes(decoder, [], chars, flush: true);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static bool Decodes(Decoder decoder, ReadOnlySpan<byte> bytes, char[] chars, bool flush)
    {
        try
        {
            decoder.GetChars(bytes, chars, flush);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static Encoding CreateWindows1252()
    {
        // Idempotent; registered here too so the reader works outside Program (tests, benchmarks).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
