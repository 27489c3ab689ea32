using System.Diagnostics;
using Pnx.Cli;

namespace Pnx.Tests.Imports;

/// <summary>An import is one transaction: a process killed halfway leaves the database exactly as it was.</summary>
public sealed class KilledImportTests
{
    [Theory]
    [InlineData(2500)]
    [InlineData(6000)]
    public async Task ProcessKilledDuringALargeImportLeavesTheDatabaseAsBefore(int killAfterMilliseconds)
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        await workspace.ImportAsync(workspace.Write("seed.csv", ImportWorkspace.Csv(50)));
        var before = await workspace.StateAsync();
        var big = workspace.Write("big.csv", ImportWorkspace.Csv(900_000));

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Pnx.dll"), "import", "--file", big, "--municipality", "23027", "--mode", "upsert" })
            start.ArgumentList.Add(arg);
        start.Environment["PNX_DATA_DIR"] = workspace.Database.Settings.DataDir;
        start.Environment["PNX_DATABASE"] = workspace.Database.Settings.PostgresConnectionString ?? "";
        using var process = Process.Start(start)!;
        var exited = process.WaitForExit(killAfterMilliseconds);
        Assert.False(exited, $"the import finished before it could be killed (exit {(exited ? process.ExitCode : 0)}): {await process.StandardError.ReadToEndAsync()}");
        process.Kill();
        Assert.True(process.WaitForExit(10_000), "the import process did not die");
        Assert.True(process.ExitCode != 0, $"the import finished (exit {process.ExitCode}) before it was killed");

        Assert.Equal(before, await workspace.StateAsync());
        var verify = await workspace.Cli.RunAsync("audit", "verify");
        Assert.Equal(ExitCodes.Done, verify.ExitCode);
    }
}
