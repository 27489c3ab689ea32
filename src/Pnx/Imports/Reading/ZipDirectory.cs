using System.Buffers.Binary;

namespace Pnx.Imports.Reading;

/// <summary>
/// Reads the entry count from the zip's end-of-central-directory record, so a zip with millions of
/// entries is refused before any library builds a list of them.
/// </summary>
internal static class ZipDirectory
{
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndOfCentralDirectorySignature = 0x06064b50;
    private const int EndOfCentralDirectoryLength = 22;
    private const int MaxCommentLength = ushort.MaxValue;

    /// <returns>The declared number of entries, or null when the bytes hold no readable zip directory.</returns>
    public static long? CountEntries(ReadOnlySpan<byte> zip)
    {
        var end = FindEndOfCentralDirectory(zip);
        if (end < 0)
            return null;

        long entries = BinaryPrimitives.ReadUInt16LittleEndian(zip[(end + 10)..]);
        if (entries != ushort.MaxValue)
            return entries;

        // Zip64: the real count lives in the zip64 record that the locator just before this one points to.
        var locator = end - 20;
        if (locator < 0 || BinaryPrimitives.ReadUInt32LittleEndian(zip[locator..]) != Zip64LocatorSignature)
            return entries;
        var zip64End = BinaryPrimitives.ReadUInt64LittleEndian(zip[(locator + 8)..]);
        if (zip64End > (ulong)(zip.Length - 56)
            || BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)zip64End..]) != Zip64EndOfCentralDirectorySignature)
            return null;
        var count = BinaryPrimitives.ReadUInt64LittleEndian(zip[((int)zip64End + 32)..]);
        return count > long.MaxValue ? long.MaxValue : (long)count;
    }

    private static int FindEndOfCentralDirectory(ReadOnlySpan<byte> zip)
    {
        var lowest = Math.Max(0, zip.Length - EndOfCentralDirectoryLength - MaxCommentLength);
        for (var i = zip.Length - EndOfCentralDirectoryLength; i >= lowest; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip[i..]) == EndOfCentralDirectorySignature)
                return i;
        }

        return -1;
    }
}
