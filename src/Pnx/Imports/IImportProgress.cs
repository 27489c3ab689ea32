namespace Pnx.Imports;

/// <summary>Told how far an import has come, for a progress bar; never told any value of the file.</summary>
public interface IImportProgress
{
    /// <param name="rows">Data rows read so far.</param>
    /// <param name="fraction">Share of the file read (0–1), or null when it cannot be told (a workbook is unpacked first).</param>
    void Reading(int rows, double? fraction);

    /// <summary>The rows are read and staged; the municipalities' data are being written.</summary>
    void Writing();
}
