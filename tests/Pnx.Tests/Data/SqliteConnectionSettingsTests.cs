using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pnx.Data;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Data;

/// <summary>
/// Every SQLite connection the app opens commits durably, enforces foreign keys, and lets a writer that finds the write
/// lock taken wait in SQLite's own busy handler (short waits at first) instead of Microsoft.Data.Sqlite's 150 ms sleeps.
/// </summary>
public sealed class SqliteConnectionSettingsTests : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [SqliteFact]
    public async Task ARequestsConnectionWaitsForTheWriteLockInSqlitesBusyHandler()
    {
        await using var scope = _web.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PnxDb>();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(5_000, await PragmaAsync(db, "busy_timeout"));
        Assert.Equal(1, await PragmaAsync(db, "foreign_keys"));
        Assert.Equal(2, await PragmaAsync(db, "synchronous")); // FULL
    }

    private static async Task<long> PragmaAsync(PnxDb db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
