namespace Pnx.Imports.Upload;

/// <summary>
/// The running import's progress, kept in memory by the import's threads and written to the upload's row by
/// <see cref="UploadImportService"/> at most twice a second, in a context of its own (never in the import's transaction).
/// </summary>
/// <param name="dryRun">The preview's check: its states are checking and comparing (it writes nothing).</param>
internal sealed class UploadProgress(string key, bool dryRun) : IImportProgress
{
    private int _rows;
    private double _fraction = -1;
    private int _writing;
    private int _version;

    public string Key { get; } = key;

    public int Rows => Volatile.Read(ref _rows);

    /// <summary>Null when the share cannot be told (a workbook).</summary>
    public double? Fraction => Volatile.Read(ref _fraction) is var f and >= 0 ? f : null;

    public string State => Volatile.Read(ref _writing) == 1
        ? dryRun ? UploadStates.Comparing : UploadStates.Writing
        : dryRun ? UploadStates.Checking : UploadStates.Reading;

    /// <summary>Changes whenever something worth writing changed.</summary>
    public int Version => Volatile.Read(ref _version);

    public void Reading(int rows, double? fraction)
    {
        Volatile.Write(ref _rows, rows);
        Volatile.Write(ref _fraction, fraction is { } f ? Math.Clamp(f, 0, 1) : -1);
        Interlocked.Increment(ref _version);
    }

    public void Writing()
    {
        Volatile.Write(ref _writing, 1);
        Interlocked.Increment(ref _version);
    }
}
