namespace Pnx.Imports.Reading;

internal enum FileKind
{
    Empty,
    Text,
    Zip,
    /// <summary>An OLE compound file: an encrypted .xlsx or a legacy .xls.</summary>
    CompoundFile,
    Binary,
}

/// <summary>Recognises a file by its content, never by its name: agencies rename files, and attackers too.</summary>
internal static class FileKindDetector
{
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> EmptyZipMagic => [0x50, 0x4B, 0x05, 0x06];

    private static ReadOnlySpan<byte> CompoundFileMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const int SampleBytes = 64 * 1024;

    public static FileKind Detect(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
            return FileKind.Empty;
        if (content.StartsWith(ZipMagic) || content.StartsWith(EmptyZipMagic))
            return FileKind.Zip;
        if (content.StartsWith(CompoundFileMagic))
            return FileKind.CompoundFile;
        if (TextDecoding.HasUtf16ByteOrderMark(content))
            return FileKind.Text;
        return LooksBinary(content) ? FileKind.Binary : FileKind.Text;
    }

    /// <summary>
    /// Text exports never hold NUL bytes, and hardly any other C0 control; binary formats are full of them.
    /// A few stray controls in a text file are left for the validator, which names their cell.
    /// </summary>
    private static bool LooksBinary(ReadOnlySpan<byte> content)
    {
        if (content.Contains((byte)0))
            return true;
        var sample = content[..Math.Min(content.Length, SampleBytes)];
        var controls = 0;
        foreach (var b in sample)
        {
            if ((b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f')) || b == 0x7F)
                controls++;
        }

        return controls * 20 > sample.Length;
    }
}
