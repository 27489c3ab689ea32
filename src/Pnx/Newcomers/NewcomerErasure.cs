using Microsoft.EntityFrameworkCore;
using Pnx.Imports;

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
    /// </summary>
    public static async Task<int> EraseAsync(Data.PnxDb db, IReadOnlyList<long> ids, DateTime now, CancellationToken ct)
    {
        if (ids.Count == 0) return 0;
        await CaseWork.CaseWorkErasure.DeleteForAsync(db, ids, ct);
        return await EraseAsync(db.Newcomers.WithIds(ids), now, ct);
    }

    public static Task<int> EraseAsync(IQueryable<Newcomer> newcomers, DateTime now, CancellationToken ct) =>
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
