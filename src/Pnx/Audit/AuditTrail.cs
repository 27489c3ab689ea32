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

        // The action's own changes first (callers leave them to this call), so that the action and its record commit together.
        await db.SaveChangesAsync(cancellationToken);
        var head = await AuditHead.ReadAsync(db, cancellationToken, lockForUpdate: true);
        var now = time.GetUtcNow().UtcDateTime;
        var at = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
        var entries = new List<AuditEntry>(records.Count);
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
            entries.Add(entry);
            head.Seq = entry.Seq;
            head.Hash = entry.Hash;
        }

        await AuditEntryWriter.WriteAsync(db, entries, head, cancellationToken);
    }

    public static Task AppendAsync(PnxDb db, TimeProvider time, AuditRecord record, CancellationToken cancellationToken = default) =>
        AppendAsync(db, time, [record], cancellationToken);
}
