using Microsoft.EntityFrameworkCore;
using Pnx.Retention;

namespace Pnx.Newcomers;

/// <summary>
/// The contact languages present among a municipality's current newcomers: the list filter's closed list. A DISTINCT over
/// the whole municipality on every list view is what it used to cost, so it is kept in memory per database and municipality
/// (<see cref="MunicipalityMemo{TKey, TValue}"/>: forgotten by this process's imports when they commit), and re-read at
/// least every <see cref="Lifetime"/> (which bounds how long an import by another process, a withdrawal or an erasure may
/// go unseen; a stale choice only filters to fewer rows).
/// </summary>
public static class ContactLanguages
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private static readonly MunicipalityMemo<bool, IReadOnlyList<string>> Memo = new(Lifetime);

    public static async Task<IReadOnlyList<string>> OfAsync(Data.PnxDb db, RetentionCutoff cutoff, CancellationToken ct)
    {
        if (Memo.TryGet(db, cutoff.MunicipalityId, true, out var kept)) return kept;
        var codes = await CurrentNewcomers.Of(db, cutoff).AsNoTracking()
            .Where(n => n.ContactLanguage != null).Select(n => n.ContactLanguage!).Distinct().ToListAsync(ct);
        Memo.Set(db, cutoff.MunicipalityId, true, codes);
        return codes;
    }
}
