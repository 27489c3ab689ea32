using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Enrolments;
using Pnx.Retention;

namespace Pnx.Trajectories;

/// <summary>Where a dossier number is shared: one municipality's copy of the newcomer.</summary>
public sealed record TrajectoryNewcomer(long Id, string MunicipalityNis, string MunicipalityName, string? FamilyName, string? GivenNames, bool Current);

/// <summary>One enrolment as the counsellor sees it, with its reported history and the days it ran.</summary>
public sealed record TrajectoryEnrolment(
    long Id, int Version, string MunicipalityNis, string MunicipalityName, int ActivityId, string ActivityTitle,
    EnrolmentStatus Status, StopReason? Reason, double? Hours, double? ConfirmedHours, DateTime? HoursConfirmedAt, DateTime StatusAt,
    IReadOnlyList<EnrolmentStatusChange> History, DateOnly? From, DateOnly? To, bool AwaitingConfirmation)
{
    public ParticipationHours Participation => new(ConfirmedHours, From, To);
}

/// <summary>Everything the agency holds on one dossier number's participation trajectory, across municipalities.</summary>
public sealed record TrajectoryView(
    string DossierNumber, IReadOnlyList<TrajectoryNewcomer> Newcomers, IReadOnlyList<TrajectoryEnrolment> Enrolments, TrajectoryFacts? Facts)
{
    public ContractFacts Contract => Facts?.Contract ?? new ContractFacts(null, null, false, null);

    public GoalAssessment Goal => TrajectoryGoal.Assess(Contract, Enrolments.Select(e => e.Participation));

    public TrajectoryNewcomer? Named => Newcomers.FirstOrDefault(n => n.Current && n.FamilyName is not null);
}

/// <summary>Reads a trajectory by dossier number: every municipality that holds it, every enrolment there.</summary>
public static class TrajectoryQuery
{
    /// <summary>The dossier number behind an internal newcomer id (any municipality, current or not), or null.</summary>
    public static Task<string?> DossierOfAsync(PnxDb db, long newcomerId, CancellationToken ct) =>
        db.Newcomers.AsNoTracking().Where(n => n.Id == newcomerId).Select(n => n.DossierNumber).SingleOrDefaultAsync(ct);

    /// <summary>The internal id that keys the page of a dossier number: a current copy first, else any, else null.</summary>
    public static async Task<long?> KeyOfAsync(PnxDb db, string dossierNumber, DateOnly today, CancellationToken ct)
    {
        var cutoffs = await RetentionCutoff.ForAllAsync(db, today, ct);
        var copies = (await db.Newcomers.AsNoTracking().Where(n => n.DossierNumber == dossierNumber)
            .Select(n => new { n.Id, n.MunicipalityId, n.CertificateDate, n.LastConfirmedAt, Shared = n.WithdrawnAt == null && n.ErasedAt == null }).ToListAsync(ct))
            .Select(n => new { n.Id, Current = n.Shared && cutoffs[n.MunicipalityId].KeepsLoaded(n.CertificateDate, n.LastConfirmedAt) });
        return copies.OrderByDescending(c => c.Current).ThenBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefault();
    }

    /// <summary>A copy past its retention date (contract §9) counts as gone even before the purge ran: no names, no enrolments.</summary>
    public static async Task<TrajectoryView> LoadAsync(PnxDb db, string dossierNumber, DateOnly today, CancellationToken ct)
    {
        var cutoffs = await RetentionCutoff.ForAllAsync(db, today, ct);
        var newcomers = (await db.Newcomers.AsNoTracking().Where(n => n.DossierNumber == dossierNumber)
            .OrderBy(n => n.Id)
            .Select(n => new
            {
                n.Id, n.MunicipalityId, n.Municipality!.NisCode, n.Municipality.Name, n.FamilyName, n.GivenNames, n.CertificateDate, n.LastConfirmedAt,
                Shared = n.WithdrawnAt == null && n.ErasedAt == null,
            })
            .ToListAsync(ct))
            .Select(n => n.Shared && cutoffs[n.MunicipalityId].KeepsLoaded(n.CertificateDate, n.LastConfirmedAt)
                ? new TrajectoryNewcomer(n.Id, n.NisCode, n.Name, n.FamilyName, n.GivenNames, true)
                : new TrajectoryNewcomer(n.Id, n.NisCode, n.Name, null, null, false))
            .ToList();
        var current = newcomers.Where(n => n.Current).Select(n => n.Id).ToList();
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => current.Contains(e.NewcomerId))
            .OrderBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.Version, e.Municipality!.NisCode, e.Municipality.Name, e.ActivityId, e.Activity!.Title,
                e.Status, e.Reason, e.Hours, e.ConfirmedHours, e.HoursConfirmedAt, e.StatusAt,
            })
            .ToListAsync(ct);
        var ids = enrolments.Select(e => e.Id).ToList();
        var history = (await db.EnrolmentStatusChanges.AsNoTracking().Where(c => ids.Contains(c.EnrolmentId)).OrderBy(c => c.Id).ToListAsync(ct))
            .ToLookup(c => c.EnrolmentId);
        var facts = await db.TrajectoryFacts.AsNoTracking().SingleOrDefaultAsync(f => f.DossierNumber == dossierNumber, ct);
        var rows = enrolments.Select(e =>
        {
            var changes = history[e.Id].ToList();
            var (from, to) = ParticipationPeriod.Of(changes.Select(c => (c.Status, c.At)));
            var reportedWhenConfirmed = e.HoursConfirmedAt is { } at ? changes.LastOrDefault(c => c.At <= at)?.Hours : null;
            return new TrajectoryEnrolment(
                e.Id, e.Version, e.NisCode, e.Name, e.ActivityId, e.Title, e.Status, e.Reason, e.Hours, e.ConfirmedHours, e.HoursConfirmedAt, e.StatusAt,
                changes, from, to, HoursConfirmation.IsAwaiting(e.Hours, e.HoursConfirmedAt, reportedWhenConfirmed));
        }).ToList();
        return new TrajectoryView(dossierNumber, newcomers, rows, facts);
    }

    /// <summary>One enrolment whose reported hours wait for a counsellor.</summary>
    public sealed record AwaitingRow(long EnrolmentId, long NewcomerId, string DossierNumber, string MunicipalityNis, string MunicipalityName,
        string ActivityTitle, EnrolmentStatus Status, double? Hours, double? ConfirmedHours, DateTime StatusAt);

    public const int AwaitingPageSize = 200;

    /// <summary>Reported hours not yet confirmed (or reported again since), across municipalities, oldest report first.</summary>
    public static async Task<IReadOnlyList<AwaitingRow>> AwaitingAsync(PnxDb db, DateOnly today, CancellationToken ct)
    {
        var cutoffs = await RetentionCutoff.ForAllAsync(db, today, ct);
        var rows = await db.Enrolments.AsNoTracking()
            .Where(e => e.Hours > 0 && e.Newcomer!.WithdrawnAt == null && e.Newcomer.ErasedAt == null)
            .Where(e => e.HoursConfirmedAt == null
                || e.Hours != db.EnrolmentStatusChanges.Where(c => c.EnrolmentId == e.Id && c.At <= e.HoursConfirmedAt)
                    .OrderByDescending(c => c.Id).Select(c => c.Hours).FirstOrDefault())
            .OrderBy(e => e.StatusAt).ThenBy(e => e.Id)
            .Take(AwaitingPageSize)
            .Select(e => new
            {
                Row = new AwaitingRow(e.Id, e.NewcomerId, e.Newcomer!.DossierNumber, e.Municipality!.NisCode, e.Municipality.Name,
                    e.Activity!.Title, e.Status, e.Hours, e.ConfirmedHours, e.StatusAt),
                e.Newcomer.MunicipalityId, e.Newcomer.CertificateDate, e.Newcomer.LastConfirmedAt,
            })
            .ToListAsync(ct);

        // Past their retention date they are gone (contract §9), even before the purge ran.
        return rows.Where(r => cutoffs[r.MunicipalityId].KeepsLoaded(r.CertificateDate, r.LastConfirmedAt)).Select(r => r.Row).ToList();
    }
}
