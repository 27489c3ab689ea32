using Microsoft.EntityFrameworkCore;
using Pnx.CaseWork;
using Pnx.Data;

namespace Pnx.Enrolments;

/// <summary>One reported status change, with who made it as a person reads it (name and e-mail, not an id).</summary>
public sealed record StatusChangeLine(DateTime At, EnrolmentStatus Status, StopReason? Reason, double? Hours, string Who);

/// <summary>One enrolment of a newcomer as the page shows it, with its history oldest first.</summary>
public sealed record EnrolmentLine(
    long Id, int ActivityId, string ActivityTitle, EnrolmentStatus Status, StopReason? Reason, double? Hours, double? ConfirmedHours,
    int Version, DateTime StatusAt, IReadOnlyList<StatusChangeLine> History)
{
    public IReadOnlyList<EnrolmentStatus> Next => EnrolmentRules.Next(Status);

    /// <summary>Something can still be recorded: a next status, or hours (from gestart on, also once final).</summary>
    public bool CanChange => Next.Count > 0 || EnrolmentRules.AllowsHours(Status);

    public bool OffersHours => EnrolmentRules.AllowsHours(Status) || Next.Any(EnrolmentRules.AllowsHours);

    public bool OffersReason => Status == EnrolmentStatus.Gestopt || Next.Contains(EnrolmentStatus.Gestopt);
}

public static class EnrolmentQueries
{
    /// <summary>The newcomer's enrolments in this workspace, newest first, each with its history: two queries (three when a staff member changed a status).</summary>
    public static async Task<IReadOnlyList<EnrolmentLine>> ForNewcomerAsync(PnxDb db, int municipalityId, long newcomerId, CancellationToken ct)
    {
        var enrolments = await EnrolmentsOf.For(db)(db, newcomerId, municipalityId).ToListAsync(ct);
        if (enrolments.Count == 0) return [];
        var changes = await ChangesOf.For(db)(db, newcomerId, municipalityId).ToListAsync(ct);
        var names = await StaffNames.ForActorsAsync(db, changes.Select(c => c.Actor), ct);
        var history = changes.ToLookup(c => c.EnrolmentId);
        return enrolments.Select(e => new EnrolmentLine(
                e.Id, e.ActivityId, e.Title, e.Status, e.Reason, e.Hours, e.ConfirmedHours, e.Version, e.StatusAt,
                history[e.Id].Select(c => new StatusChangeLine(c.At, c.Status, c.Reason, c.Hours, names[c.Actor])).ToList()))
            .ToList();
    }

    private sealed record EnrolmentRow(
        long Id, int ActivityId, string Title, EnrolmentStatus Status, StopReason? Reason, double? Hours, double? ConfirmedHours, int Version, DateTime StatusAt);

    private sealed record ChangeRow(long EnrolmentId, DateTime At, EnrolmentStatus Status, StopReason? Reason, double? Hours, string Actor);

    /// <summary>The history of every enrolment of the newcomer in this workspace, oldest first. Compiled once: a view of a newcomer with enrolments runs it.</summary>
    private static readonly PerEngine<Func<PnxDb, long, int, IAsyncEnumerable<ChangeRow>>> ChangesOf = new(() => EF.CompileAsyncQuery(
        (PnxDb db, long newcomerId, int municipalityId) => db.EnrolmentStatusChanges.AsNoTracking()
            .Join(db.Enrolments, c => c.EnrolmentId, e => e.Id, (c, e) => new { Change = c, Enrolment = e })
            .Where(x => x.Enrolment.NewcomerId == newcomerId && x.Enrolment.MunicipalityId == municipalityId && x.Change.MunicipalityId == municipalityId)
            .OrderBy(x => x.Change.Id)
            .Select(x => new ChangeRow(x.Change.EnrolmentId, x.Change.At, x.Change.Status, x.Change.Reason, x.Change.Hours, x.Change.Actor))));

    /// <summary>Compiled once: every view of a newcomer runs it.</summary>
    private static readonly PerEngine<Func<PnxDb, long, int, IAsyncEnumerable<EnrolmentRow>>> EnrolmentsOf = new(() => EF.CompileAsyncQuery(
        (PnxDb db, long newcomerId, int municipalityId) => db.Enrolments.AsNoTracking()
            .Where(e => e.NewcomerId == newcomerId && e.MunicipalityId == municipalityId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Select(e => new EnrolmentRow(e.Id, e.ActivityId, e.Activity!.Title, e.Status, e.Reason, e.Hours, e.ConfirmedHours, e.Version, e.StatusAt))));
}
