using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Matching;
using Pnx.Municipalities;
using Pnx.Newcomers;

namespace Pnx.Enrolments;

/// <summary>
/// Proposing an activity and moving an enrolment through the status order: the one write path for pages, the
/// status sheet and the API. Each change is one transaction with its audit entry and its reported status change.
/// Checks run inside the transaction after locking the rows they depend on (<see cref="RowLocks"/>), so two
/// instances cannot both pass them; the audit head is locked last, when the change is saved, which also makes
/// the feed's ids commit in order.
/// </summary>
public static class Enrolling
{
    public static async Task<EnrolmentOutcome> ProposeAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, long newcomerId, int activityId, string actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcome = await ProposeInTransactionAsync(db, time, workspace, newcomerId, activityId, actor, ct);
        if (outcome.Succeeded) await transaction.CommitAsync(ct);
        return outcome;
    }

    /// <summary>
    /// <see cref="ProposeAsync"/> inside the caller's transaction, which commits or rolls back (the status sheet:
    /// all rows or none). Writes nothing when it refuses.
    /// </summary>
    public static async Task<EnrolmentOutcome> ProposeInTransactionAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, long newcomerId, int activityId, string actor, CancellationToken ct)
    {
        RequireTransaction(db);
        var today = BelgianTime.Today(time);
        await RowLocks.NewcomerAsync(db, newcomerId, ct);
        var newcomer = await CurrentNewcomers.FindAsync(db, workspace.Retention, newcomerId, ct);
        if (newcomer is null) return EnrolmentOutcome.NotFound;
        var activity = await MatchingQueries.ActivityAsync(db, workspace.Id, activityId, ct);
        if (activity is null) return EnrolmentOutcome.NotFound;
        if (!Matcher.PassesHardRules(MatchingQueries.Profile(newcomer), activity, today))
        {
            return EnrolmentOutcome.Refused("deze activiteit past niet: ze is niet actief, volzet, vraagt een hoger niveau Nederlands of voldoet niet aan een gevraagde nood");
        }

        if ((await MatchingQueries.OpenEnrolmentActivitiesAsync(db, newcomerId, ct)).Contains(activityId))
        {
            return EnrolmentOutcome.Refused("deze activiteit is al voorgesteld aan deze inburgeraar");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var enrolment = new Enrolment
        {
            MunicipalityId = workspace.Id, NewcomerId = newcomerId, ActivityId = activityId, Status = EnrolmentStatus.Voorgesteld,
            CreatedAt = now, CreatedBy = actor, StatusAt = now, StatusBy = actor, Version = 1,
        };
        db.Enrolments.Add(enrolment);
        await db.SaveChangesAsync(ct);
        await RecordAsync(db, time, workspace, newcomer.DossierNumber, enrolment, actor, "enrolment.create", ct);
        return EnrolmentOutcome.Done(enrolment);
    }

    /// <summary>
    /// Moves an enrolment to <paramref name="status"/> (or records hours in the same status) if it is still at
    /// <paramref name="expectedVersion"/>: a stale version is refused, never a lost update.
    /// </summary>
    public static async Task<EnrolmentOutcome> ChangeAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, long enrolmentId, int expectedVersion,
        EnrolmentStatus status, StopReason? reason, double? hours, string actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcome = await ChangeInTransactionAsync(db, time, workspace, enrolmentId, expectedVersion, status, reason, hours, actor, ct);
        if (outcome.Succeeded) await transaction.CommitAsync(ct);
        return outcome;
    }

    /// <summary>
    /// <see cref="ChangeAsync"/> inside the caller's transaction, which commits or rolls back. Writes nothing when
    /// it refuses; after <see cref="EnrolmentOutcome.Stale"/> the caller must roll back (the change is still tracked).
    /// </summary>
    public static async Task<EnrolmentOutcome> ChangeInTransactionAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, long enrolmentId, int expectedVersion,
        EnrolmentStatus status, StopReason? reason, double? hours, string actor, CancellationToken ct)
    {
        RequireTransaction(db);
        await RowLocks.EnrolmentAsync(db, enrolmentId, ct);
        var enrolment = await db.Enrolments.Include(e => e.Newcomer)
            .SingleOrDefaultAsync(e => e.Id == enrolmentId && e.MunicipalityId == workspace.Id, ct);
        if (enrolment?.Newcomer is null || enrolment.Newcomer.WithdrawnAt is not null || enrolment.Newcomer.ErasedAt is not null) return EnrolmentOutcome.NotFound;
        if (enrolment.Version != expectedVersion) return Stale(db);
        if (EnrolmentRules.Check(enrolment.Status, status, reason, hours) is { } refusal) return EnrolmentOutcome.Refused(refusal);
        if (status != enrolment.Status && EnrolmentRules.TakesAPlace(status) && !EnrolmentRules.TakesAPlace(enrolment.Status))
        {
            // Places are counted with the activity row locked: two enrolments cannot both take the last place.
            await RowLocks.ActivityAsync(db, enrolment.ActivityId, ct);
            var capacity = await db.Activities.Where(a => a.Id == enrolment.ActivityId).Select(a => a.Capacity).SingleAsync(ct);
            var taken = await Activities.CatalogueQueries.TakenAsync(db, enrolment.ActivityId, ct);
            if (capacity is { } places && taken >= places) return EnrolmentOutcome.Refused("de activiteit is volzet");
        }

        if (status == enrolment.Status && reason == enrolment.Reason && (hours is null || hours == enrolment.Hours)) return EnrolmentOutcome.Done(enrolment);
        var now = time.GetUtcNow().UtcDateTime;
        if (status != enrolment.Status)
        {
            enrolment.StatusAt = now;
            enrolment.StatusBy = actor;
        }

        enrolment.Status = status;
        enrolment.Reason = reason;
        enrolment.Hours = hours ?? enrolment.Hours;
        enrolment.Version++;
        try
        {
            await RecordAsync(db, time, workspace, enrolment.Newcomer.DossierNumber, enrolment, actor, "enrolment.status", ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(db);
        }

        return EnrolmentOutcome.Done(enrolment);
    }

    private static void RequireTransaction(PnxDb db)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Enrolment changes run inside a transaction, with their audit entry.");
    }

    /// <summary>Forgets what this context tracked (the changed enrolment, the unsaved audit head), so the next use of it starts clean.</summary>
    private static EnrolmentOutcome Stale(PnxDb db)
    {
        db.ChangeTracker.Clear();
        return EnrolmentOutcome.Stale;
    }

    /// <summary>The audit entry and the reported status change, saved together (the head lock is taken first).</summary>
    private static async Task RecordAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, string dossierNumber, Enrolment enrolment, string actor, string action, CancellationToken ct)
    {
        db.EnrolmentStatusChanges.Add(new EnrolmentStatusChange
        {
            EnrolmentId = enrolment.Id, MunicipalityId = workspace.Id, MunicipalityNis = workspace.NisCode, DossierNumber = dossierNumber,
            ActivityId = enrolment.ActivityId, Status = enrolment.Status, Reason = enrolment.Reason, Hours = enrolment.Hours,
            At = time.GetUtcNow().UtcDateTime, Actor = actor,
        });
        await AuditTrail.AppendAsync(db, time, new AuditRecord(actor, action, workspace.NisCode, [dossierNumber], AuditPurposes.Steering,
            $"enrolment {enrolment.Id}, activity {enrolment.ActivityId}: {enrolment.Status.Word()}"), ct);
    }
}
