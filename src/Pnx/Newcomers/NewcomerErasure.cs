using Microsoft.EntityFrameworkCore;
using Pnx.Hosting;
using Pnx.Imports;
using Pnx.Retention;

namespace Pnx.Newcomers;

/// <summary>
/// Removes every personal field of <see cref="NewcomerFields.Personal"/> at once; the dossier number and
/// dates stay as processing metadata.
/// </summary>
public static class NewcomerErasure
{
    /// <summary>
    /// Erases these newcomers and everything the municipality recorded about them (enrolments, contact log,
    /// assignment): a newcomer shared again later starts with nothing. Reported status changes stay with the agency.
    /// Each newcomer not erased before gets a line in the deletion register with <paramref name="rule"/>, in the caller's
    /// transaction, so no erasure can happen without its register line.
    /// </summary>
    public static async Task<int> EraseAsync(Data.PnxDb db, IReadOnlyList<long> ids, DateTime now, RetentionRule rule, CancellationToken ct)
    {
        if (ids.Count == 0) return 0;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Newcomers are erased inside a transaction, together with their deletion register lines.");
        var removedOn = BelgianTime.DateOf(now);
        var register = await db.Newcomers.AsNoTracking().WithIds(ids).Where(n => n.ErasedAt == null)
            .Select(n => new DeletionRecord { DossierNumber = n.DossierNumber, MunicipalityNis = n.Municipality!.NisCode, RemovedOn = removedOn, Rule = rule })
            .ToListAsync(ct);
        await CaseWork.CaseWorkErasure.DeleteForAsync(db, ids, ct);
        var erased = await Erase(db.Newcomers.WithIds(ids), now, ct);
        db.DeletionRecords.AddRange(register);
        await db.SaveChangesAsync(ct);
        return erased;
    }

    private static Task<int> Erase(IQueryable<Newcomer> newcomers, DateTime now, CancellationToken ct) =>
        newcomers.ExecuteUpdateAsync(
            setters =>
            {
                foreach (var field in NewcomerFields.Personal) field.Erase(setters);
                setters.SetProperty(n => n.ErasedAt, now);
            },
            ct);

    /// <summary>
    /// The newcomers with these ids, sent as one array parameter: EF Core 10 would otherwise send one
    /// parameter per id, and a large import or purge passes the engines' limit (32,766 on SQLite).
    /// </summary>
    public static IQueryable<Newcomer> WithIds(this IQueryable<Newcomer> newcomers, IReadOnlyList<long> ids) =>
        newcomers.Where(n => EF.Parameter(ids).Contains(n.Id));
}
