using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Trajectories;

namespace Pnx.Enrolments.Proof;

/// <summary>
/// What the proof of participation (bewijs van deelname) is pre-filled with: the newcomer, the activity, its
/// organiser and contact person, the period and the hours reported. The contact person signs it; the agency's
/// counsellor confirms the hours against the signed copy.
/// </summary>
public sealed record ProofOfParticipation(
    long EnrolmentId, string DossierNumber, string? FamilyName, string? GivenNames, string MunicipalityNis, string MunicipalityName,
    string ActivityTitle, string Organiser, string? ContactPerson, string? ContactEmail, string? ContactPhone,
    string? Address, string? PostalCode, string? City, DateOnly? ActivityFrom, DateOnly? ActivityTo,
    DateOnly? ParticipationFrom, DateOnly? ParticipationTo, EnrolmentStatus Status, double? Hours)
{
    /// <summary>
    /// The enrolment of a current newcomer, or null. <paramref name="municipalityId"/> restricts it to one
    /// workspace (a case worker); null is the agency's counsellor, who sees every municipality.
    /// </summary>
    public static async Task<ProofOfParticipation?> LoadAsync(PnxDb db, long enrolmentId, int? municipalityId, CancellationToken ct)
    {
        var row = await db.Enrolments.AsNoTracking()
            .Where(e => e.Id == enrolmentId && (municipalityId == null || e.MunicipalityId == municipalityId))
            .Where(e => e.Newcomer!.WithdrawnAt == null && e.Newcomer.ErasedAt == null && e.Newcomer.MunicipalityId == e.MunicipalityId)
            .Select(e => new
            {
                e.Id, e.Newcomer!.DossierNumber, e.Newcomer.FamilyName, e.Newcomer.GivenNames, e.Municipality!.NisCode, MunicipalityName = e.Municipality.Name,
                e.Activity!.Title, e.Activity.Organiser, e.Activity.ContactPerson, e.Activity.ContactEmail, e.Activity.ContactPhone,
                e.Activity.Address, e.Activity.PostalCode, e.Activity.City, e.Activity.From, e.Activity.To, e.Status, e.Hours,
            })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var changes = await db.EnrolmentStatusChanges.AsNoTracking().Where(c => c.EnrolmentId == enrolmentId)
            .Select(c => new { c.Status, c.At }).ToListAsync(ct);
        var (from, to) = ParticipationPeriod.Of(changes.Select(c => (c.Status, c.At)));
        return new ProofOfParticipation(
            row.Id, row.DossierNumber, row.FamilyName, row.GivenNames, row.NisCode, row.MunicipalityName, row.Title, row.Organiser,
            row.ContactPerson, row.ContactEmail, row.ContactPhone, row.Address, row.PostalCode, row.City, row.From, row.To, from, to, row.Status, row.Hours);
    }
}
