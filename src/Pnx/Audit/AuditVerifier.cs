using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Audit;

/// <summary>
/// Walks the chain oldest first, up to the head, in one read snapshot; the first entry whose seq, prev or
/// hash is off is reported. Expectations (witnessed heads) catch what a valid chain cannot show by itself:
/// an older copy put back, or a chain rewritten from some entry on.
/// </summary>
public static class AuditVerifier
{
    public sealed record Problem(long Seq, string Reason);

    public sealed record Result(long Entries, AuditHead Head, IReadOnlyList<Problem> Problems, int ExpectationsChecked)
    {
        public bool Intact => Problems.Count == 0;

        public long? FirstBadSeq => Problems.Count == 0 ? null : Problems[0].Seq;

        public string? Reason => Problems.Count == 0 ? null : Problems[0].Reason;
    }

    public static Task<Result> VerifyAsync(PnxDb db, CancellationToken ct) => VerifyAsync(db, [], ct);

    public static async Task<Result> VerifyAsync(PnxDb db, IReadOnlyCollection<AuditExpectation> expectations, CancellationToken ct)
    {
        await using var snapshot = await AuditSnapshot.BeginAsync(db, ct);
        // The head first: entries appended after it are outside this snapshot's chain, so appends
        // running meanwhile never look like a break.
        var head = await AuditHead.ReadAsync(db, ct);
        var expected = expectations.ToLookup(e => e.Seq);
        var problems = new List<Problem>();
        var seen = new HashSet<long>();

        long expectedSeq = 1;
        var prev = AuditHash.Genesis;
        Problem? brokenAt = null;
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Seq <= head.Seq).OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            seen.Add(entry.Seq);
            foreach (var expectation in expected[entry.Seq])
            {
                if (!string.Equals(entry.Hash, expectation.Hash, StringComparison.Ordinal))
                {
                    problems.Add(new Problem(entry.Seq, $"{expectation.Source} expects hash {expectation.Hash} but the entry has {entry.Hash}: the chain was rewritten or an older copy of the database was put back"));
                }
            }

            // After a break the rest is read only to check expectations against what is stored.
            if (brokenAt is not null) continue;
            brokenAt = CheckLink(entry, expectedSeq, prev);
            if (brokenAt is not null) continue;
            prev = entry.Hash;
            expectedSeq++;
        }

        var last = expectedSeq - 1;
        if (brokenAt is not null)
        {
            problems.Add(brokenAt);
        }
        else if (head.Seq != last || !string.Equals(head.Hash, prev, StringComparison.Ordinal))
        {
            problems.Add(new Problem(Math.Min(head.Seq, expectedSeq), $"the chain ends at seq {last} but its head records seq {head.Seq}: newest entries were removed or the head was altered"));
        }

        if (await db.AuditEntries.AnyAsync(e => e.Seq > head.Seq, ct))
        {
            problems.Add(new Problem(head.Seq + 1, $"entries after the head's seq {head.Seq} exist: the head was set back"));
        }

        foreach (var expectation in expectations.Where(e => !seen.Contains(e.Seq)))
        {
            if (Unheld(expectation, head) is { } problem) problems.Add(problem);
        }

        problems.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return new Result(last, head, problems, expectations.Count);
    }

    private static Problem? CheckLink(AuditEntry entry, long expectedSeq, string prev)
    {
        if (entry.Seq != expectedSeq)
            return new Problem(expectedSeq, $"expected seq {expectedSeq} but found {entry.Seq}: an entry was removed or reordered");
        if (!string.Equals(entry.Prev, prev, StringComparison.Ordinal))
            return new Problem(entry.Seq, "prev does not match the hash of the entry before it");
        return string.Equals(entry.Hash, AuditHash.Compute(entry), StringComparison.Ordinal)
            ? null
            : new Problem(entry.Seq, "hash does not match the entry's content: the entry was altered");
    }

    /// <summary>An expectation whose entry was not read: seq 0 (the empty chain), beyond the head, or missing.</summary>
    private static Problem? Unheld(AuditExpectation expectation, AuditHead head) =>
        expectation.Seq == 0
            ? string.Equals(expectation.Hash, AuditHash.Genesis, StringComparison.Ordinal) ? null : new Problem(0, $"{expectation.Source}: seq 0 is the empty chain, whose hash is 64 zeros")
            : expectation.Seq > head.Seq
                ? new Problem(expectation.Seq, string.Create(CultureInfo.InvariantCulture, $"{expectation.Source} expects entry {expectation.Seq} but the chain ends at seq {head.Seq}: an older copy of the database was put back or the chain was truncated"))
                : new Problem(expectation.Seq, $"{expectation.Source} expects entry {expectation.Seq} but it is missing");
}
