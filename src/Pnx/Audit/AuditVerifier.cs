using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Audit;

/// <summary>Walks the chain oldest first; the first entry whose seq, prev or hash is off is reported.</summary>
public static class AuditVerifier
{
    public sealed record Result(long Entries, long? FirstBadSeq, string? Reason)
    {
        public bool Intact => FirstBadSeq is null && Reason is null;
    }

    public static async Task<Result> VerifyAsync(PnxDb db, CancellationToken ct)
    {
        long expectedSeq = 1;
        var prev = AuditHash.Genesis;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Seq != expectedSeq)
                return new Result(expectedSeq - 1, expectedSeq, $"expected seq {expectedSeq} but found {entry.Seq}: an entry was removed or reordered");
            if (!string.Equals(entry.Prev, prev, StringComparison.Ordinal))
                return new Result(expectedSeq - 1, entry.Seq, "prev does not match the hash of the entry before it");
            var computed = AuditHash.Compute(entry);
            if (!string.Equals(entry.Hash, computed, StringComparison.Ordinal))
                return new Result(expectedSeq - 1, entry.Seq, "hash does not match the entry's content: the entry was altered");
            prev = entry.Hash;
            expectedSeq++;
        }

        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, ct);
        if (head.Seq != expectedSeq - 1 || !string.Equals(head.Hash, prev, StringComparison.Ordinal))
        {
            var firstMissing = Math.Min(head.Seq, expectedSeq);
            return new Result(expectedSeq - 1, firstMissing, $"the chain ends at seq {expectedSeq - 1} but its head records seq {head.Seq}: newest entries were removed or the head was altered");
        }

        return new Result(expectedSeq - 1, null, null);
    }
}
