using System.Globalization;

namespace Pnx.Imports.Reading;

/// <summary>
/// Turns the agency's export (CSV or .xlsx, recognised by content) into a <see cref="RawTable"/> of text
/// cells, or the problems that kept it from being read. No rule of the protocol is applied here: the
/// column whitelist and value rules run on the table afterwards. The activity file (contract §7) is read
/// the same way, with its own preferred sheet.
/// </summary>
public static class NewcomerFileReader
{
    public static ReadResult Read(string path) => Read(path, ReaderLimits.Default);

    /// <summary>Reads a file whose workbook keeps its data on <paramref name="preferredSheet"/> (else the first sheet).</summary>
    public static ReadResult Read(string path, string preferredSheet) => Read(path, ReaderLimits.Default, preferredSheet);

    public static ReadResult Read(Stream content) => Read(content, ReaderLimits.Default);

    internal static ReadResult Read(string path, ReaderLimits limits, string preferredSheet = XlsxTableReader.PreferredSheet)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return Read(file, limits, preferredSheet);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return ReadResult.Fail(ImportProblem.File("the file does not exist"));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return ReadResult.Fail(ImportProblem.File("the file cannot be opened for reading"));
        }
    }

    internal static ReadResult Read(Stream content, ReaderLimits limits, string preferredSheet = XlsxTableReader.PreferredSheet)
    {
        if (ReadAllBytes(content, limits.MaxFileBytes) is not { } bytes)
            return ReadResult.Fail(ImportProblem.File(string.Create(CultureInfo.InvariantCulture, $"the file is larger than {limits.MaxFileBytes / (1024 * 1024):N0} MB")));
        return Read(bytes, limits, preferredSheet);
    }

    internal static ReadResult Read(byte[] content, ReaderLimits limits, string preferredSheet = XlsxTableReader.PreferredSheet) => FileKindDetector.Detect(content) switch
    {
        FileKind.Empty => ReadResult.Fail(ImportProblem.File("the file is empty")),
        FileKind.Zip => XlsxTableReader.Read(content, limits, preferredSheet),
        FileKind.CompoundFile => ReadResult.Fail(ImportProblem.File("the file is an encrypted workbook or an old .xls file; save it as an unencrypted .xlsx or as CSV")),
        FileKind.Binary => ReadResult.Fail(ImportProblem.File("the file is not a CSV or .xlsx file")),
        FileKind.Text => CsvTableReader.Read(TextDecoding.Decode(content), limits),
    };

    /// <returns>The bytes, or null when the stream holds more than <paramref name="max"/> bytes.</returns>
    private static byte[]? ReadAllBytes(Stream stream, long max)
    {
        if (stream.CanSeek && stream.Length - stream.Position > max)
            return null;

        using var buffer = stream.CanSeek ? new MemoryStream((int)(stream.Length - stream.Position)) : new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > max)
                return null;
            buffer.Write(chunk, 0, n);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}
