using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pnx.Data;
using Pnx.Municipalities;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Data;

/// <summary>Contract §2: a database created by an older version is migrated forward on start, without data loss.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task DatabaseOfTheFirstVersionIsMigratedForwardAndKeepsItsData()
    {
        await using var database = await TestDatabase.CreateAsync();
        Directory.CreateDirectory(database.Settings.DataDir);
        await using (var db = database.Open())
        {
            var migrations = db.Database.GetMigrations().ToList();
            Assert.True(migrations.Count > 1, "there is more than one migration to step through");
            await db.GetService<IMigrator>().MigrateAsync(migrations[0]);
            // Raw SQL against the first version's schema: the later model may have columns it lacks.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO municipalities (\"NisCode\", \"Name\", \"CreatedAt\") VALUES ('23027', 'Halle', '2024-03-29 00:00:00')");
        }

        var cli = PnxCli.For(database);
        var run = await cli.RunAsync("protocol", "add", "--municipality", "23027", "--start", "2024-03-29", "--end", "2030-12-31");
        Assert.Equal(0, run.ExitCode);

        await using (var db = database.Open())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Municipality halle = await db.Municipalities.SingleAsync();
            Assert.Equal("Halle", halle.Name);
            Assert.Equal(1, await db.Protocols.CountAsync(p => p.MunicipalityId == halle.Id));
        }
    }
}
