using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pnx.Data;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Data;

/// <summary>
/// Every SQLite connection the app opens commits durably, enforces foreign keys, and lets a writer that finds the write
/// lock taken wait in SQLite's own busy handler (short waits at first) instead of Microsoft.Data.Sqlite's 150 ms sleeps.
/// The web's request contexts also read the file through a memory map; the CLI's do not (its memory is bounded).
/// </summary>
public sealed class SqliteConnectionSettingsTests : IAsyncLifetime
{
    private const long MappedBytes = 2_147_418_112;

    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [SqliteFact]
    public async Task ARequestsConnectionWaitsForTheWriteLockInSqlitesBusyHandlerAndReadsThroughAMap()
    {
        await using var scope = _web.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PnxDb>();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(5_000, await PragmaAsync(db, "busy_timeout"));
        Assert.Equal(1, await PragmaAsync(db, "foreign_keys"));
        Assert.Equal(2, await PragmaAsync(db, "synchronous")); // FULL
        Assert.Equal(MappedBytes, await PragmaAsync(db, "mmap_size"));
    }

    [SqliteFact]
    public async Task ACommandsConnectionWaitsForTheWriteLockTooButReadsWithoutAMap()
    {
        // The web's and the CLI's contexts share Microsoft.Data.Sqlite's pool: start from new physical connections.
        SqliteConnection.ClearAllPools();
        await using var db = PnxDbFactory.Create(_web.Database.Settings);
        await db.Database.OpenConnectionAsync();
        Assert.Equal(5_000, await PragmaAsync(db, "busy_timeout"));
        Assert.Equal(1, await PragmaAsync(db, "foreign_keys"));
        Assert.Equal(0, await PragmaAsync(db, "mmap_size"));
    }

    private static async Task<long> PragmaAsync(PnxDb db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
