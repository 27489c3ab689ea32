using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Enrolments;

namespace Pnx.Trajectories;

/// <summary>
/// An agency trajectory counsellor confirms an enrolment's hours against the signed proof of participation:
/// the reported number or a corrected one. Only confirmed hours count toward the 40 (contract §7). The form
/// carries the enrolment's version, so a report that changed meanwhile is refused, never confirmed unseen.
/// </summary>
public static class HoursConfirmation
{
    public static async Task<EnrolmentOutcome> ConfirmAsync(
        PnxDb db, TimeProvider time, long enrolmentId, int expectedVersion, double hours, string actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var enrolment = await db.Enrolments.Include(e => e.Newcomer).Include(e => e.Municipality).SingleOrDefaultAsync(e => e.Id == enrolmentId, ct);
        if (enrolment?.Newcomer is null || enrolment.Municipality is null || enrolment.Newcomer.WithdrawnAt is not null || enrolment.Newcomer.ErasedAt is not null)
        {
            return EnrolmentOutcome.NotFound;
        }

        if (enrolment.Version != expectedVersion) return EnrolmentOutcome.Stale;
        if (!EnrolmentRules.AllowsHours(enrolment.Status)) return EnrolmentOutcome.Refused("uren kunnen pas bevestigd worden vanaf \"gestart\"");

        // The same hour rule as a municipality's report: at least 0, in steps of half an hour.
        if (EnrolmentRules.Check(enrolment.Status, enrolment.Status, enrolment.Reason, hours) is { } refusal) return EnrolmentOutcome.Refused(refusal);

        var reported = enrolment.Hours;
        enrolment.ConfirmedHours = hours;
        enrolment.HoursConfirmedAt = time.GetUtcNow().UtcDateTime;
        enrolment.HoursConfirmedBy = actor;
        enrolment.Version++;
        try
        {
            await AuditTrail.AppendAsync(db, time, new AuditRecord(
                actor, "enrolment.hours-confirm", enrolment.Municipality.NisCode, [enrolment.Newcomer.DossierNumber], AuditPurposes.Steering,
                string.Create(CultureInfo.InvariantCulture, $"enrolment {enrolment.Id}: {hours} hours confirmed against the proof of participation (reported: {reported?.ToString(CultureInfo.InvariantCulture) ?? "none"})")), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EnrolmentOutcome.Stale;
        }

        await transaction.CommitAsync(ct);
        return EnrolmentOutcome.Done(enrolment);
    }

    /// <summary>
    /// Reported hours wait for a counsellor while none were confirmed yet, or while the municipality reported a
    /// different number after the last confirmation (<paramref name="reportedWhenConfirmed"/>: the hours of the last
    /// status change at or before it).
    /// </summary>
    public static bool IsAwaiting(double? reported, DateTime? confirmedAt, double? reportedWhenConfirmed) =>
        reported is > 0 && (confirmedAt is null || reported != reportedWhenConfirmed);
}
