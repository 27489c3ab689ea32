using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Data;

namespace Pnx.Trajectories;

/// <summary>
/// The counsellor records the contract term and work or study for one dossier number. Agency-only data: the
/// audit entry names the dossier, never the dates. A stale form (another counsellor saved meanwhile) is refused.
/// </summary>
public static class TrajectoryFactsEditing
{
    /// <returns>Null when the facts are consistent, else the Dutch reason.</returns>
    public static string? Check(ContractFacts facts, DateOnly today)
    {
        if (facts.SignedOn > today) return "de datum van ondertekening ligt in de toekomst";
        if (facts.EndsOn is { } ends && facts.SignedOn is { } signed && ends < signed) return "het contract kan niet eindigen voor het ondertekend is";
        if (facts.EndsOn is not null && facts.SignedOn is null) return "een einddatum vraagt ook de datum van ondertekening";
        if (facts.WorkingOrStudyingAtSigning && facts.SignedOn is null) return "werk of studie bij ondertekening vraagt de datum van ondertekening";
        if (facts.WorkOrStudyStartedOn > today) return "werk of studie kan niet in de toekomst begonnen zijn";
        return null;
    }

    /// <param name="expectedVersion">The version the form showed; 0 when no facts were recorded yet.</param>
    /// <returns>Null when saved, else the Dutch reason it was refused.</returns>
    public static async Task<string?> SaveAsync(
        PnxDb db, TimeProvider time, string dossierNumber, int expectedVersion, ContractFacts facts, string actor, CancellationToken ct)
    {
        if (Check(facts, Hosting.BelgianTime.Today(time)) is { } problem) return problem;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.TrajectoryFacts.SingleOrDefaultAsync(f => f.DossierNumber == dossierNumber, ct);
        if ((row?.Version ?? 0) != expectedVersion) return Stale;
        if (row is null)
        {
            row = new TrajectoryFacts { DossierNumber = dossierNumber, UpdatedBy = actor };
            db.TrajectoryFacts.Add(row);
        }

        row.ContractSignedOn = facts.SignedOn;
        row.ContractEndsOn = facts.EndsOn;
        row.WorkingOrStudyingAtSigning = facts.WorkingOrStudyingAtSigning;
        row.WorkOrStudyStartedOn = facts.WorkOrStudyStartedOn;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        row.UpdatedBy = actor;
        row.Version = expectedVersion + 1;
        try
        {
            await AuditTrail.AppendAsync(db, time, new AuditRecord(
                actor, "trajectory.facts", null, [dossierNumber], AuditPurposes.Steering, "contract term and work or study facts recorded"), ct);
        }
        catch (DbUpdateException)
        {
            // A concurrency conflict, or another counsellor created the row first.
            return Stale;
        }

        await transaction.CommitAsync(ct);
        return null;
    }

    public const string Stale = "iemand anders heeft deze gegevens intussen gewijzigd; bekijk de nieuwe toestand en probeer opnieuw";
}
