namespace Pnx.Cli;

/// <summary>Where a verb writes a file: the folder must exist, so a typo is a clear refusal rather than a failure halfway.</summary>
public static class OutputPath
{
    /// <returns>The error line to print, or null when the path can be written to.</returns>
    public static string? Problem(string option, string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) return $"{option}: \"{path}\" is a folder; give a file name.";
        var folder = Path.GetDirectoryName(full);
        return folder is not null && !Directory.Exists(folder) ? $"{option}: the folder \"{folder}\" does not exist." : null;
    }
}
