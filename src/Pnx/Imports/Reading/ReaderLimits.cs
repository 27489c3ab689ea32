namespace Pnx.Imports.Reading;

/// <summary>
/// Caps that keep a hostile or broken file from exhausting memory or time. The defaults are far above
/// any real export of newcomers; tests lower them to prove each guard without building huge files.
/// </summary>
internal sealed record ReaderLimits
{
    public static readonly ReaderLimits Default = new();

    public long MaxFileBytes { get; init; } = 200L * 1024 * 1024;

    public int MaxDataRows { get; init; } = 1_000_000;

    public int MaxColumns { get; init; } = 100;

    public int MaxCellLength { get; init; } = 10_000;

    public int MaxProblems { get; init; } = 100;

    /// <summary>Whether a table with a header and no data rows is refused (a newcomer export always has rows; a status sheet may not).</summary>
    public bool RequireDataRows { get; init; } = true;

    /// <summary>Sum of the uncompressed sizes of all parts of a workbook.</summary>
    public long MaxUncompressedBytes { get; init; } = 500L * 1024 * 1024;

    public int MaxZipEntries { get; init; } = 10_000;

    /// <summary>Real worksheets compress 10–30 times; a zip bomb compresses hundreds of times.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Tiny parts may compress extremely well without being a threat, so the ratio applies only above this size.</summary>
    public long CompressionRatioMinBytes { get; init; } = 1024 * 1024;
}
