using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Pnx.Data;

namespace Pnx.Audit;

/// <summary>
/// A read-only transaction in which every query sees the database as of its first read, while appends go on:
/// REPEATABLE READ on PostgreSQL (a snapshot), and on SQLite a deferred transaction, whose first read fixes
/// its view of the WAL. Deferred, not our usual IMMEDIATE: a long verification must not hold the write lock.
/// </summary>
internal sealed class AuditSnapshot : IAsyncDisposable
{
    private readonly PnxDb _db;
    private readonly IDbContextTransaction? _transaction;

    /// <summary>SQLite's transaction, begun by us on a connection we opened: EF Core does not end a transaction it was handed.</summary>
    private readonly SqliteTransaction? _sqlite;

    private AuditSnapshot(PnxDb db, IDbContextTransaction? transaction, SqliteTransaction? sqlite)
    {
        _db = db;
        _transaction = transaction;
        _sqlite = sqlite;
    }

    public static async Task<AuditSnapshot> BeginAsync(PnxDb db, CancellationToken ct)
    {
        // A caller's own transaction already defines what it sees.
        if (db.Database.CurrentTransaction is not null) return new AuditSnapshot(db, null, null);
        if (db.Engine == DatabaseEngine.Postgres)
        {
            var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", ct);
            return new AuditSnapshot(db, transaction, null);
        }

        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var deferred = connection.BeginTransaction(deferred: true);
        return new AuditSnapshot(db, await db.Database.UseTransactionAsync(deferred, ct), deferred);
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is null) return;
        // Read only: ending it without a commit changes nothing.
        await _transaction.DisposeAsync();
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
            await _db.Database.CloseConnectionAsync();
        }
    }
}
