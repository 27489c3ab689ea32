using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Newcomers;
using Pnx.Retention;
using Pnx.Trajectories;

namespace Pnx.Enrolments.StatusSheet;

/// <summary>The enrolments of a municipality's current newcomers, as the status sheet shows them.</summary>
public static class StatusSheetRows
{
    public static async Task<IReadOnlyList<StatusSheetRow>> LoadAsync(PnxDb db, RetentionCutoff cutoff, CancellationToken ct)
    {
        var current = CurrentNewcomers.Of(db, cutoff);
        var rows = await db.Enrolments.AsNoTracking()
            .Where(e => e.MunicipalityId == cutoff.MunicipalityId && current.Any(n => n.Id == e.NewcomerId))
            .Select(e => new { e.Newcomer!.DossierNumber, e.Id, e.ActivityId, e.Activity!.Title, e.Status, e.Reason, e.Hours, e.StatusAt })
            .ToListAsync(ct);

        // Ordered here, not in SQL: PostgreSQL collations would sort dossier numbers differently from SQLite.
        return rows
            .OrderBy(r => r.DossierNumber, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Select(r => new StatusSheetRow(r.DossierNumber, r.Id, r.ActivityId, r.Title, r.Status, r.Reason, r.Hours, ParticipationPeriod.Day(r.StatusAt)))
            .ToList();
    }
}
