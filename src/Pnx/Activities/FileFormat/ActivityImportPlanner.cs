using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Imports;
using Pnx.Municipalities;

namespace Pnx.Activities.FileFormat;

/// <summary>
/// Compares the file with the municipality's own catalogue: a row with an id updates that activity (only one of
/// this municipality: another's id is refused, never updated), a row without creates one, identical rows are
/// unchanged. Partners must exist and may not be the municipality itself.
/// </summary>
public static class ActivityImportPlanner
{
    public static async Task<(ActivityImportPlan Plan, IReadOnlyList<ImportProblem> Problems)> PlanAsync(
        PnxDb db, Municipality municipality, IReadOnlyList<ActivityRecord> records, CancellationToken ct)
    {
        var partners = await Partners.LoadAsync(db, ct);
        var existing = (await db.Activities.AsNoTracking().Include(a => a.SharedWith)
                .Where(a => a.MunicipalityId == municipality.Id).ToListAsync(ct))
            .ToDictionary(a => a.Id, a => ActivityValues.Of(a, a.SharedWith.Select(s => partners.NisOf(s.MunicipalityId))));

        var plan = new ActivityImportPlan(municipality);
        var problems = new List<ImportProblem>();
        foreach (var record in records)
        {
            problems.AddRange(partners.Check(record.Values, municipality.NisCode, record.RowNumber));
            if (record.Id is not { } id)
            {
                plan.Creates.Add(record);
            }
            else if (!existing.TryGetValue(id, out var current))
            {
                problems.Add(new ImportProblem(record.RowNumber, ActivityColumns.Id,
                    ActivityFileTexts.NotOwnActivity(id.ToString(System.Globalization.CultureInfo.InvariantCulture), municipality.NisCode, municipality.Name)));
            }
            else if (current == record.Values)
            {
                plan.Unchanged.Add(id);
            }
            else
            {
                plan.Updates.Add(record);
            }
        }

        return (plan, problems.OrderBy(p => p.Row ?? 0).Take(ActivityTableParser.MaxProblems).ToList());
    }
}
