using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Audit;

/// <summary>Appends to the hash chain. Always inside the caller's transaction, so an action and its record commit together.</summary>
public static class AuditTrail
{
    public static async Task AppendAsync(PnxDb db, TimeProvider time, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0) return;
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit entries are appended inside the transaction of the action they record.");
        }

        var head = await LockHeadAsync(db, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var at = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
        foreach (var record in records)
        {
            var entry = new AuditEntry
            {
                Seq = head.Seq + 1,
                At = at,
                Actor = record.Actor,
                Action = record.Action,
                Municipality = record.Municipality,
                Subjects = AuditHash.SubjectsJson(record.Subjects),
                Purpose = record.Purpose,
                Detail = record.Detail,
                Prev = head.Hash,
                Hash = "",
            };
            entry.Hash = AuditHash.Compute(entry);
            db.AuditEntries.Add(entry);
            head.Seq = entry.Seq;
            head.Hash = entry.Hash;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static Task AppendAsync(PnxDb db, TimeProvider time, AuditRecord record, CancellationToken cancellationToken = default) =>
        AppendAsync(db, time, [record], cancellationToken);

    /// <summary>
    /// Locks the head row for the rest of the transaction. On PostgreSQL a row lock serialises all
    /// instances; SQLite transactions here begin IMMEDIATE and already hold the one write lock.
    /// </summary>
    private static async Task<AuditHead> LockHeadAsync(PnxDb db, CancellationToken cancellationToken)
    {
        var query = db.Engine == DatabaseEngine.Postgres
            ? db.Set<AuditHead>().FromSql($"SELECT * FROM audit_head WHERE \"Id\" = {AuditHead.SingletonId} FOR UPDATE")
            : db.Set<AuditHead>().Where(h => h.Id == AuditHead.SingletonId);
        return await query.SingleAsync(cancellationToken);
    }
}
