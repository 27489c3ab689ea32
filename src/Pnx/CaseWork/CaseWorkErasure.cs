using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.CaseWork;

/// <summary>
/// Enrolments, contact log and assignments are the newcomer's personal data: they leave with the newcomer
/// (withdrawal, retention, erasure), so that a newcomer withdrawn and later shared again starts with nothing.
/// The reported status changes stay: they are what the agency already received (contract §9).
/// Called inside the erasing transaction, after the newcomers are marked withdrawn or erased: their rows are then
/// locked until commit, and every case-work write locks the newcomer (or the enrolment) first, so nothing is
/// added or changed behind the erasure's back (see Data/RowLocks).
/// </summary>
public static class CaseWorkErasure
{
    public static async Task DeleteForAsync(PnxDb db, IReadOnlyCollection<long> newcomerIds, CancellationToken ct)
    {
        if (newcomerIds.Count == 0) return;
        var ids = newcomerIds.ToList();
        await db.ContactLog.Where(c => ids.Contains(c.NewcomerId)).ExecuteDeleteAsync(ct);
        await db.NewcomerAssignments.Where(a => ids.Contains(a.NewcomerId)).ExecuteDeleteAsync(ct);
        await db.Enrolments.Where(e => ids.Contains(e.NewcomerId)).ExecuteDeleteAsync(ct);
    }
}
