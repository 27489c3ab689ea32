using System.CommandLine;
using Pnx.Cli;

namespace Pnx.Backup;

/// <summary>`pnx backup --out PATH` and `pnx restore --file PATH [--deletions REGISTER]` (contract §3, §9).</summary>
public static class BackupCommands
{
    public static Command CreateBackup(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Backup file to write (a new file)", Required = true };
        var backup = new Command("backup", "Write a consistent copy of the whole database while the server runs.") { output };
        backup.SetAction((result, ct) => BackupCreation.RunAsync(context, result.GetRequiredValue(output), ct));
        return backup;
    }

    public static Command CreateRestore(CliContext context)
    {
        var file = new Option<string>("--file") { Description = "Backup file written by pnx backup", Required = true };
        var deletions = new Option<string>("--deletions") { Description = "Deletion register (CSV) of the system being replaced: everyone in it is removed again" };
        var restore = new Command("restore", "Restore a backup into an empty data folder or database, then remove again everyone deleted since.") { file, deletions };
        restore.SetAction((result, ct) => Restoration.RunAsync(context, result.GetRequiredValue(file), result.GetValue(deletions), ct));
        return restore;
    }
}
