using System.Globalization;

namespace Pnx.Imports.Reading;

/// <summary>
/// Turns the agency's export (CSV or .xlsx, recognised by content) into rows of text cells, or the problems
/// that kept it from being read. No rule of the protocol is applied here: the column whitelist and value rules
/// run on the rows afterwards. A CSV file is streamed (memory holds one buffer, not the file); a workbook is a
/// zip, read from memory. The activity file (contract §7) is read the same way, with its own preferred sheet.
/// </summary>
public static class NewcomerFileReader
{
    private const int SampleBytes = 64 * 1024;

    public static ReadResult Read(string path) => Read(path, ReaderLimits.Default);

    /// <summary>Reads a file whose workbook keeps its data on <paramref name="preferredSheet"/> (else the first sheet).</summary>
    public static ReadResult Read(string path, string preferredSheet) => Read(path, ReaderLimits.Default, preferredSheet);

    public static ReadResult Read(Stream content) => Read(content, ReaderLimits.Default);

    internal static ReadResult Read(string path, ReaderLimits limits, string preferredSheet = XlsxTableReader.PreferredSheet)
    {
        var table = new TableSink();
        return table.Result(Read(path, limits, preferredSheet, table));
    }

    /// <summary>Sends the file's rows to <paramref name="sink"/> as they are read; returns the problems that kept it from being read.</summary>
    /// <param name="opened">Told the open file, so a caller can follow the reading's progress by its position.</param>
    internal static IReadOnlyList<ImportProblem> Read(string path, ReaderLimits limits, string preferredSheet, RowSink sink, Action<FileStream>? opened = null)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [ImportProblem.File("the file does not exist")];
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return [ImportProblem.File("the file cannot be opened for reading")];
        }

        using (file)
        {
            opened?.Invoke(file);
            try
            {
                return Read(file, limits, preferredSheet, sink);
            }
            catch (IOException)
            {
                return [ImportProblem.File("the file cannot be opened for reading")];
            }
        }
    }

    internal static ReadResult Read(Stream content, ReaderLimits limits, string preferredSheet = XlsxTableReader.PreferredSheet)
    {
        var table = new TableSink();
        return table.Result(Read(content, limits, preferredSheet, table));
    }

    internal static ReadResult Read(byte[] content, ReaderLimits limits, string preferredSheet = XlsxTableReader.PreferredSheet) =>
        Read(new MemoryStream(content, writable: false), limits, preferredSheet);

    internal static IReadOnlyList<ImportProblem> Read(Stream content, ReaderLimits limits, string preferredSheet, RowSink sink)
    {
        if (!content.CanSeek)
        {
            if (ReadAllBytes(content, limits.MaxFileBytes) is not { } copy) return [TooLarge(limits)];
            content = new MemoryStream(copy, writable: false);
        }

        if (content.Length - content.Position > limits.MaxFileBytes) return [TooLarge(limits)];
        var start = content.Position;
        var sample = new byte[SampleBytes];
        var sampled = content.ReadAtLeast(sample, SampleBytes, throwOnEndOfStream: false);
        content.Position = start;
        switch (FileKindDetector.Detect(sample.AsSpan(0, sampled)))
        {
            case FileKind.Empty:
                return [ImportProblem.File("the file is empty")];
            case FileKind.Zip:
                return ReadAllBytes(content, limits.MaxFileBytes) is { } workbook
                    ? XlsxTableReader.Read(workbook, limits, preferredSheet, sink)
                    : [TooLarge(limits)];
            case FileKind.CompoundFile:
                return [ImportProblem.File("the file is an encrypted workbook or an old .xls file; save it as an unencrypted .xlsx or as CSV")];
            case FileKind.Text when TextDecoding.Open(content) is { } text:
                using (text) return CsvTableReader.Read(text, limits, sink);
            default:
                return [ImportProblem.File("the file is not a CSV or .xlsx file")];
        }
    }

    private static ImportProblem TooLarge(ReaderLimits limits) =>
        ImportProblem.File(string.Create(CultureInfo.InvariantCulture, $"the file is larger than {limits.MaxFileBytes / (1024 * 1024):N0} MB"));

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
