using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Newcomers;

/// <summary>
/// Serialises the work that reads a municipality's newcomers and rewrites them from what it read
/// (imports, retention), across server instances: without it, two imports on PostgreSQL plan on the same
/// data and the audit trail contradicts the result. Taken inside the writing transaction, before the read.
/// On PostgreSQL it is a transaction-scoped advisory lock per municipality, in ascending id order so that
/// two writers never wait for each other in a circle. On SQLite the write transaction (BEGIN IMMEDIATE)
/// already holds the database's one write lock.
/// </summary>
public static class NewcomerWriteLock
{
    /// <summary>First key of the two-key advisory lock, naming what the second key (a municipality id) locks.</summary>
    private const int NewcomersOfMunicipality = 0x504E5801;

    public static async Task AcquireAsync(PnxDb db, IEnumerable<int> municipalityIds, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("The newcomer lock is taken inside the transaction that writes.");
        if (db.Engine != DatabaseEngine.Postgres) return;
        foreach (var id in municipalityIds.Distinct().Order())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({NewcomersOfMunicipality}, {id})", ct);
        }
    }
}
