using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Cli;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Exports;

public sealed class ExportPolicyTests
{
    [Fact]
    public async Task ExportWithoutAnActiveProtocolIsRefusedAndWritesNoFile()
    {
        await using var database = await TestDatabase.CreateAsync();
        var cli = PnxCli.For(database);
        await cli.RunExpectingAsync(ExitCodes.Done, "municipality", "add", "--nis", "23027", "--name", "Halle");
        await cli.RunExpectingAsync(ExitCodes.Done, "protocol", "add", "--municipality", "23027", "--start", "2024-03-29", "--end", "2024-12-31");
        await ExportFixture.SeedAsync(database, "23027", ExportFixture.Newcomer("D-1"));
        var path = ExportFixture.OutPath(database, "csv");

        var run = await cli.RunExpectingAsync(ExitCodes.Refused, "export", "--municipality", "23027", "--format", "csv", "--out", path);

        Assert.Contains("no active protocol", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + ".partial"));
        Assert.Equal(0, await CountExportEntriesAsync(database));
    }

    [Fact]
    public async Task ExportOfAnUnknownMunicipalityIsRefused()
    {
        var (database, cli) = await ExportFixture.HalleAsync();
        await using var _ = database;
        var path = ExportFixture.OutPath(database, "csv");

        var run = await cli.RunExpectingAsync(ExitCodes.Refused, "export", "--municipality", "99999", "--format", "csv", "--out", path);

        Assert.Contains("99999", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("")]
    public async Task ExportWithAnUnknownFormatIsAUsageError(string format)
    {
        var (database, cli) = await ExportFixture.HalleAsync();
        await using var _ = database;
        var path = ExportFixture.OutPath(database, "csv");

        await cli.RunExpectingAsync(ExitCodes.Usage, "export", "--municipality", "23027", "--format", format, "--out", path);

        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task ExportWithoutOutIsAUsageError()
    {
        var (database, cli) = await ExportFixture.HalleAsync();
        await using var _ = database;
        await cli.RunExpectingAsync(ExitCodes.Usage, "export", "--municipality", "23027", "--format", "csv");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task ExportAppendsOneAuditEntryWithEveryExportedDossierAndTheTrailStillVerifies(string format)
    {
        var (database, cli) = await ExportFixture.HalleAsync();
        await using var _ = database;
        var withdrawn = ExportFixture.Newcomer("D-9");
        withdrawn.WithdrawnAt = PnxCli.DefaultNow.UtcDateTime;
        await ExportFixture.SeedAsync(database, "23027", ExportFixture.Newcomer("D-2"), ExportFixture.Newcomer("D-1"), withdrawn);
        var before = await CountEntriesAsync(database);

        await cli.RunExpectingAsync(ExitCodes.Done, "export", "--municipality", "23027", "--format", format, "--out", ExportFixture.OutPath(database, format));

        await using (var db = database.Open())
        {
            var entries = await db.AuditEntries.Where(e => e.Seq > before).ToListAsync();
            var entry = Assert.Single(entries);
            Assert.Equal("export", entry.Action);
            Assert.Equal("23027", entry.Municipality);
            Assert.Equal(["D-1", "D-2"], AuditHash.ParseSubjects(entry.Subjects));
            Assert.Equal(AuditPurposes.Steering, entry.Purpose);
            Assert.Equal($"{format}, 2 newcomers", entry.Detail);
        }

        await cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
    }

    [Fact]
    public async Task ExportThatCannotWriteItsFileLeavesNoAuditEntry()
    {
        var (database, cli) = await ExportFixture.HalleAsync();
        await using var _ = database;
        await ExportFixture.SeedAsync(database, "23027", ExportFixture.Newcomer("D-1"));
        var path = Path.Combine(database.Settings.DataDir, "export.csv");
        // A folder where the temporary file must go: writing fails after the checks passed.
        Directory.CreateDirectory(path + ".partial");

        var run = await cli.RunExpectingAsync(ExitCodes.Failure, "export", "--municipality", "23027", "--format", "csv", "--out", path);

        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.Equal(0, await CountExportEntriesAsync(database));
    }

    [Fact]
    public async Task ExportReplacesAnExistingFileWhole()
    {
        var (database, cli) = await ExportFixture.HalleAsync();
        await using var _ = database;
        await ExportFixture.SeedAsync(database, "23027", ExportFixture.Newcomer("D-1"));
        var path = ExportFixture.OutPath(database, "csv");
        await File.WriteAllTextAsync(path, new string('x', 100_000));

        await cli.RunExpectingAsync(ExitCodes.Done, "export", "--municipality", "23027", "--format", "csv", "--out", path);

        Assert.Equal(2, (await File.ReadAllLinesAsync(path)).Length);
        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public async Task ExportOverwritesAStalePartialFileAndRemovesIt()
    {
        var (database, cli) = await ExportFixture.HalleAsync();
        await using var _ = database;
        var path = ExportFixture.OutPath(database, "xlsx");
        await File.WriteAllTextAsync(path + ".partial", "left over from a crash");

        await cli.RunExpectingAsync(ExitCodes.Done, "export", "--municipality", "23027", "--format", "xlsx", "--out", path);

        Assert.True(File.Exists(path));
        Assert.False(File.Exists(path + ".partial"));
    }

    private static async Task<long> CountEntriesAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await db.AuditEntries.CountAsync();
    }

    private static async Task<int> CountExportEntriesAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await db.AuditEntries.CountAsync(e => e.Action == "export");
    }
}
