using System.Diagnostics;
using Pnx.Cli;

namespace Pnx.Tests.Imports;

/// <summary>An import is one transaction: a process killed halfway leaves the database exactly as it was.</summary>
public sealed class KilledImportTests
{
    [Theory]
    [InlineData(2500)]
    [InlineData(5000)]
    public async Task ProcessKilledDuringALargeImportLeavesTheDatabaseAsBefore(int killAfterMilliseconds)
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        await workspace.ImportAsync(workspace.Write("seed.csv", ImportWorkspace.Csv(50)));
        var before = await workspace.StateAsync();
        var big = workspace.Write("big.csv", ImportWorkspace.Csv(900_000));

        // bash starts the import, waits, then SIGKILLs it: exit status 137 proves it was killed mid-run.
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"dotnet \"$0\" import --file \"$1\" --municipality 23027 --mode upsert >/dev/null 2>&1 & pid=$!; sleep {killAfterMilliseconds / 1000.0:0.0##}; kill -9 $pid; wait $pid; echo $?"));
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Pnx.dll"));
        start.ArgumentList.Add(big);
        start.Environment["PNX_DATA_DIR"] = workspace.Database.Settings.DataDir;
        start.Environment["PNX_DATABASE"] = workspace.Database.Settings.PostgresConnectionString ?? "";
        using var process = Process.Start(start)!;
        var status = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        Assert.True(status == "137", $"the import was not killed mid-run (exit status {status})");

        Assert.Equal(before, await workspace.StateAsync());
        var verify = await workspace.Cli.RunAsync("audit", "verify");
        Assert.Equal(ExitCodes.Done, verify.ExitCode);
    }
}
