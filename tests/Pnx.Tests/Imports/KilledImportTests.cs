using System.Diagnostics;
using System.Globalization;
using Pnx.Cli;
using Pnx.Imports;

namespace Pnx.Tests.Imports;

/// <summary>
/// An import is one transaction: a process killed while it writes leaves the database exactly as it was.
/// The importer creates the file named by <see cref="ImportApplier.WriteSignalVariable"/> when its writes
/// begin, so the kill lands in the write phase, not while the file is still being read.
/// </summary>
public sealed class KilledImportTests
{
    [Theory]
    [InlineData("snapshot", 0)]
    [InlineData("upsert", 200)]
    public async Task ProcessKilledWhileWritingLeavesTheDatabaseAsBefore(string mode, int killAfterMilliseconds)
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        await workspace.ImportAsync(workspace.Write("seed.csv", ImportWorkspace.Csv(5_000)));
        var before = await workspace.StateAsync();
        // Changes every seeded row, adds many and (as a snapshot) withdraws some: every kind of write is under way.
        var rows = Enumerable.Range(2_000, 200_000).Select(i => ImportWorkspace.Row(i, level: "B2"));
        var big = workspace.Write("big.csv", ImportWorkspace.Header + "\r\n" + string.Join("\r\n", rows) + "\r\n");
        var signal = Path.Combine(workspace.Database.Settings.DataDir, "writing");

        // bash starts the import, waits for the signal, then SIGKILLs it: exit status 137 proves it was killed mid-run.
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        var wait = (killAfterMilliseconds / 1000.0).ToString("0.0##", CultureInfo.InvariantCulture);
        start.ArgumentList.Add(
            $"""dotnet "$0" import --file "$1" --municipality 23027 --mode {mode} --allow-mass-withdrawal >/dev/null 2>&1 & pid=$!; """ +
            $"""while [ ! -e "$2" ] && kill -0 $pid 2>/dev/null; do sleep 0.01; done; sleep {wait}; """ +
            """[ -e "$2" ] && echo signalled; kill -9 $pid; wait $pid; echo $?""");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Pnx.dll"));
        start.ArgumentList.Add(big);
        start.ArgumentList.Add(signal);
        start.Environment["PNX_DATA_DIR"] = workspace.Database.Settings.DataDir;
        start.Environment["PNX_DATABASE"] = workspace.Database.Settings.PostgresConnectionString ?? "";
        start.Environment[ImportApplier.WriteSignalVariable] = signal;
        using var process = Process.Start(start)!;
        var output = (await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await process.WaitForExitAsync();
        Assert.True(output is ["signalled", "137"], $"the import was not killed while writing: {string.Join(' ', output)}");

        Assert.Equal(before, await workspace.StateAsync());
        var verify = await workspace.Cli.RunAsync("audit", "verify");
        Assert.Equal(ExitCodes.Done, verify.ExitCode);
    }
}
