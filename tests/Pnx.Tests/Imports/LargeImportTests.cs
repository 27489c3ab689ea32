using Pnx.Cli;

namespace Pnx.Tests.Imports;

/// <summary>
/// A large file is read, validated and staged a batch at a time, and still applied all or nothing: a bad row
/// near the end, found long after the first batches were staged, leaves the database as it was.
/// </summary>
public sealed class LargeImportTests
{
    private const int Rows = 200_000;

    [Fact]
    public async Task ABadRowNearTheEndOfALargeFileRejectsTheWholeFileAndWritesNothing()
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        await workspace.ImportAsync(workspace.Write("seed.csv", ImportWorkspace.Csv(1_000)));
        var before = await workspace.StateAsync();
        var bad = Rows - 10;
        var rows = Enumerable.Range(1, Rows).Select(i => ImportWorkspace.Row(i, level: i == bad ? "B9" : "B2"));
        var big = workspace.Write("big.csv", ImportWorkspace.Header + "\r\n" + string.Join("\r\n", rows) + "\r\n");

        var run = await workspace.ImportAsync(big, "--mode", "upsert");

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        var problem = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"big.csv: row {bad + 1}, column \"Niveau Nederlands\":", problem, StringComparison.Ordinal);
        Assert.Equal(before, await workspace.StateAsync());
    }

    [Fact]
    public async Task ALargeFileIsImportedWhole()
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        await workspace.ImportAsync(workspace.Write("seed.csv", ImportWorkspace.Csv(1_000)));
        var rows = Enumerable.Range(1, Rows).Select(i => ImportWorkspace.Row(i, level: i % 2 == 0 ? "B2" : "A1"));
        var big = workspace.Write("big.csv", ImportWorkspace.Header + "\r\n" + string.Join("\r\n", rows) + "\r\n");

        var run = await workspace.ImportAsync(big);

        Assert.Equal(ExitCodes.Done, run.ExitCode);
        // The seeded rows 1..1,000 held A1; the even ones now hold B2 and are updated, the odd ones are unchanged.
        Assert.Equal($"23027 Halle: {Rows - 1_000} created, 500 updated, 500 unchanged, 0 withdrawn", run.Out.Trim());
    }
}
