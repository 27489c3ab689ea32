using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pnx.Cli;
using Pnx.Hosting;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Cli;

/// <summary>Contract §3: failures are exit codes with a clear message on stderr, never a stack trace.</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public async Task UnreachableDatabaseIsAnUnexpectedFailureWithOneClearLine()
    {
        var settings = new PnxSettings(Path.GetTempPath(), "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2");
        var run = await new PnxCli(settings, new FakeTimeProvider(PnxCli.DefaultNow)).RunAsync("audit", "verify");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith("pnx: unexpected failure", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export", "--municipality", "23027", "--format", "csv", "--out")]
    [InlineData("audit", "export", "--out")]
    public async Task WritingIntoAFolderThatDoesNotExistIsRefusedAndRecordsNothing(params string[] verb)
    {
        await using var database = await TestDatabase.CreateAsync();
        var cli = PnxCli.For(database);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        int before;
        await using (var db = database.Open()) before = await db.AuditEntries.CountAsync();

        var missing = Path.Combine(database.Settings.DataDir, "no-such-folder", "out.file");
        var run = await cli.RunAsync([.. verb, missing]);

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
        await using (var db = database.Open()) Assert.Equal(before, await db.AuditEntries.CountAsync());
    }
}
