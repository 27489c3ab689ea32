using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Pnx.Imports.Reading;

/// <summary>
/// Checks a workbook's zip before the Open XML SDK parses any part: entry count, declared
/// uncompressed sizes, compression ratio (zip bombs) and macros. Each refusal is one file-level problem.
/// </summary>
internal static class XlsxGuards
{
    public const string NotAWorkbook = "the file is a zip archive but not a readable .xlsx workbook; save it as .xlsx or as CSV";
    private const string Bomb = "the workbook expands to far more data than it holds (a zip bomb?); save it again as .xlsx or as CSV";
    private const string Macros = "the workbook contains macros; save it as a plain .xlsx workbook (without macros) or as CSV";

    // A real [Content_Types].xml lists a few dozen parts in a few kilobytes.
    private const int MaxContentTypesBytes = 1024 * 1024;

    public static ImportProblem? Check(byte[] content, ReaderLimits limits)
    {
        var entryCount = ZipDirectory.CountEntries(content);
        if (entryCount is null)
            return ImportProblem.File(NotAWorkbook);
        if (entryCount > limits.MaxZipEntries)
            return ImportProblem.File(string.Create(CultureInfo.InvariantCulture, $"the workbook holds more than {limits.MaxZipEntries:N0} parts; save it again as .xlsx or as CSV"));

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            // Declared sizes are enough: System.IO.Compression never returns more bytes than an entry declares
            // (a part that lies is cut short and then fails to parse), as XlsxDetailTests shows.
            return CheckDeclared(zip, limits) ?? CheckMacros(zip);
        }
        catch (InvalidDataException)
        {
            return ImportProblem.File(NotAWorkbook);
        }
    }

    private static ImportProblem? CheckDeclared(ZipArchive zip, ReaderLimits limits)
    {
        if (zip.Entries.Count > limits.MaxZipEntries)
            return ImportProblem.File(string.Create(CultureInfo.InvariantCulture, $"the workbook holds more than {limits.MaxZipEntries:N0} parts; save it again as .xlsx or as CSV"));

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (total > limits.MaxUncompressedBytes)
                return ImportProblem.File(Bomb);
            if (entry.Length >= limits.CompressionRatioMinBytes
                && entry.Length > Math.Max(1, entry.CompressedLength) * limits.MaxCompressionRatio)
                return ImportProblem.File(Bomb);
        }

        return null;
    }

    private static ImportProblem? CheckMacros(ZipArchive zip)
    {
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
                || entry.FullName.StartsWith("xl/macrosheets/", StringComparison.OrdinalIgnoreCase))
                return ImportProblem.File(Macros);
        }

        var contentTypes = zip.GetEntry("[Content_Types].xml");
        if (contentTypes is null || contentTypes.Length > MaxContentTypesBytes)
            return ImportProblem.File(NotAWorkbook);
        using var reader = new StreamReader(contentTypes.Open(), Encoding.UTF8);
        // A plain text search is enough: the content type names are fixed strings, and no XML parser
        // (with its DTD handling) touches the part here.
        return reader.ReadToEnd().Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) ? ImportProblem.File(Macros) : null;
    }
}
