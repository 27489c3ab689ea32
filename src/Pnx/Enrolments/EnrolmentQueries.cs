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
    /// <summary>
    /// The newcomer's enrolments in this workspace, newest first, each with its history: one query. The history's actors are
    /// still as recorded: the caller names them together with its page's other actors, one <see cref="StaffNames"/> lookup.
    /// </summary>
    public static async Task<NewcomerEnrolments> ForNewcomerAsync(PnxDb db, int municipalityId, long newcomerId, CancellationToken ct) =>
        new(await EnrolmentsOf.For(db)(db, newcomerId, municipalityId).ToListAsync(ct));

    /// <summary>Enrolments as read, before their history's actors are named.</summary>
    public sealed class NewcomerEnrolments
    {
        private readonly IReadOnlyList<EnrolmentRow> _rows;

        internal NewcomerEnrolments(IReadOnlyList<EnrolmentRow> rows) => _rows = rows;

        /// <summary>The activities with an enrolment not yet final: matching offers them no second time.</summary>
        public IReadOnlySet<int> OpenActivities => _rows.Where(e => !EnrolmentRules.IsFinal(e.Status)).Select(e => e.ActivityId).ToHashSet();

        public IEnumerable<string> Actors => _rows.SelectMany(e => e.Changes).Select(c => c.Actor);

        /// <summary>The lines the page shows, each actor by <paramref name="names"/> (from <see cref="StaffNames.ForActorsAsync"/> over <see cref="Actors"/>).</summary>
        public IReadOnlyList<EnrolmentLine> Lines(IReadOnlyDictionary<string, string> names) => _rows.Select(e => new EnrolmentLine(
                e.Id, e.ActivityId, e.Title, e.Status, e.Reason, e.Hours, e.ConfirmedHours, e.Version, e.StatusAt,
                e.Changes.Select(c => new StatusChangeLine(c.At, c.Status, c.Reason, c.Hours, names[c.Actor])).ToList()))
            .ToList();
    }

    internal sealed record EnrolmentRow(
        long Id, int ActivityId, string Title, EnrolmentStatus Status, StopReason? Reason, double? Hours, double? ConfirmedHours, int Version, DateTime StatusAt,
        List<ChangeRow> Changes);

    internal sealed record ChangeRow(DateTime At, EnrolmentStatus Status, StopReason? Reason, double? Hours, string Actor);

    /// <summary>
    /// Compiled once: every view of a newcomer runs it. Each enrolment's history, oldest first, comes in the same query
    /// (a LEFT JOIN EF Core splits back into lists), reached through the enrolment's id only: the enrolment carries the
    /// tenancy, and a condition on the history's own municipality column made SQLite read the municipality's whole history.
    /// </summary>
    private static readonly PerEngine<Func<PnxDb, long, int, IAsyncEnumerable<EnrolmentRow>>> EnrolmentsOf = new(() => EF.CompileAsyncQuery(
        (PnxDb db, long newcomerId, int municipalityId) => db.Enrolments.AsNoTracking()
            .Where(e => e.NewcomerId == newcomerId && e.MunicipalityId == municipalityId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Select(e => new EnrolmentRow(e.Id, e.ActivityId, e.Activity!.Title, e.Status, e.Reason, e.Hours, e.ConfirmedHours, e.Version, e.StatusAt,
                db.EnrolmentStatusChanges.Where(c => c.EnrolmentId == e.Id).OrderBy(c => c.Id)
                    .Select(c => new ChangeRow(c.At, c.Status, c.Reason, c.Hours, c.Actor)).ToList()))));
}
