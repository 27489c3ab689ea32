using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Imports;
using Pnx.Municipalities;

namespace Pnx.Activities;

public enum CatalogueOutcomeKind
{
    Done,

    /// <summary>No such activity in this municipality's own catalogue (a partner's or another municipality's answers the same).</summary>
    NotFound,

    /// <summary>Someone changed the activity since the form was loaded.</summary>
    Stale,

    /// <summary>A value breaks a rule of contract §7; <see cref="CatalogueOutcome.Problems"/> says which.</summary>
    Rejected,
}

public sealed record CatalogueOutcome(CatalogueOutcomeKind Kind, IReadOnlyList<ImportProblem> Problems, Activity? Activity = null)
{
    public static readonly CatalogueOutcome NotFound = new(CatalogueOutcomeKind.NotFound, []);

    public static readonly CatalogueOutcome Stale = new(CatalogueOutcomeKind.Stale, []);

    public static CatalogueOutcome Done(Activity activity) => new(CatalogueOutcomeKind.Done, [], activity);
}

/// <summary>
/// Creating, editing, deactivating and reactivating one activity of the workspace's own catalogue (offer managers,
/// from the browser). Each is one transaction with its audit entry; an edit or (de)activation names the version it
/// was based on and is refused when the activity has moved on, never a lost update.
/// </summary>
public static class CatalogueWrites
{
    public static async Task<CatalogueOutcome> CreateAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, ActivityValues values, string actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var partners = await Partners.LoadAsync(db, ct);
        var problems = partners.Check(values, workspace.NisCode, 2).ToList();
        if (problems.Count > 0) return new CatalogueOutcome(CatalogueOutcomeKind.Rejected, problems);

        var now = time.GetUtcNow().UtcDateTime;
        var activity = new Activity
        {
            MunicipalityId = workspace.Id, Title = values.Title, Organiser = values.Organiser, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        values.ApplyTo(activity);
        Partners.Sync(activity, partners.IdsOf(values));
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        await AuditTrail.AppendAsync(db, time, Record(actor, "activity.create", workspace, activity), ct);
        await transaction.CommitAsync(ct);
        return CatalogueOutcome.Done(activity);
    }

    public static Task<CatalogueOutcome> UpdateAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, int id, int expectedVersion, ActivityValues values, string actor, CancellationToken ct) =>
        ChangeAsync(db, time, workspace, id, expectedVersion, actor, "activity.update", (activity, partners) =>
        {
            var problems = partners.Check(values, workspace.NisCode, 2).ToList();
            if (problems.Count > 0) return problems;
            values.ApplyTo(activity);
            Partners.Sync(activity, partners.IdsOf(values));
            return [];
        }, ct);

    /// <summary>Deactivated activities leave matching and the active list but stay for the enrolments that use them.</summary>
    public static Task<CatalogueOutcome> SetActiveAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, int id, int expectedVersion, bool active, string actor, CancellationToken ct) =>
        ChangeAsync(db, time, workspace, id, expectedVersion, actor, active ? "activity.reactivate" : "activity.deactivate", (activity, _) =>
        {
            activity.DeactivatedAt = active ? null : time.GetUtcNow().UtcDateTime;
            return [];
        }, ct);

    private static async Task<CatalogueOutcome> ChangeAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, int id, int expectedVersion, string actor, string action,
        Func<Activity, Partners, IReadOnlyList<ImportProblem>> change, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var activity = await db.Activities.Include(a => a.SharedWith)
            .SingleOrDefaultAsync(a => a.Id == id && a.MunicipalityId == workspace.Id, ct);
        if (activity is null) return CatalogueOutcome.NotFound;
        if (activity.Version != expectedVersion) return CatalogueOutcome.Stale;
        var problems = change(activity, await Partners.LoadAsync(db, ct));
        if (problems.Count > 0) return new CatalogueOutcome(CatalogueOutcomeKind.Rejected, problems);

        activity.UpdatedAt = time.GetUtcNow().UtcDateTime;
        activity.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CatalogueOutcome.Stale;
        }

        await AuditTrail.AppendAsync(db, time, Record(actor, action, workspace, activity), ct);
        await transaction.CommitAsync(ct);
        return CatalogueOutcome.Done(activity);
    }

    // The catalogue holds no personal data: no subjects, only the activity's id.
    private static AuditRecord Record(string actor, string action, WorkspaceMunicipality workspace, Activity activity) =>
        new(actor, action, workspace.NisCode, [], AuditPurposes.Steering,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"activity {activity.Id}, version {activity.Version}"));
}
