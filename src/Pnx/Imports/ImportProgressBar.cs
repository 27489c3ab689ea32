using Pnx.Cli;

namespace Pnx.Imports;

/// <summary>The import's progress as a <see cref="ProgressBar"/> on the terminal: rows read (and the share of the file), then writing.</summary>
internal sealed class ImportProgressBar(ProgressBar bar) : IImportProgress
{
    private int _rows;

    public void Reading(int rows, double? fraction)
    {
        _rows = rows;
        bar.Show(ProgressBar.Format(fraction, rows, "rows read"), force: fraction >= 1);
    }

    public void Writing() => bar.Show(ProgressBar.Format(1, _rows, "rows read; writing"), force: true);
}
