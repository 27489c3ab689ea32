using Microsoft.EntityFrameworkCore;
using Pnx.CaseWork;
using Pnx.Data;
using Pnx.Enrolments;
using Pnx.Hosting;
using Pnx.Matching;
using Pnx.Municipalities;

namespace Pnx.Newcomers.Pages;

/// <summary>
/// A current newcomer (<see cref="CurrentNewcomers.Visible"/>) and everything the page shows besides the shared data: the
/// case worker assigned, enrolments with their history, the activities that fit (hard rules passed, none with an open
/// enrolment), and the contact log. Four queries: the newcomer with assignment and contact log, the enrolments with their
/// history, the usable activities, the case workers to choose from (and one of staff names, only where a staff member acted).
/// </summary>
public sealed record NewcomerCaseFile(
    Newcomer Newcomer,
    AssignmentLine? Assignment,
    IReadOnlyList<CaseWorker> CaseWorkers,
    IReadOnlyList<EnrolmentLine> Enrolments,
    IReadOnlyList<Match> Matches,
    IReadOnlyList<ContactLogLine> Contacts)
{
    /// <summary>Null when the id is not a current newcomer of the workspace (another municipality's, withdrawn, erased, past retention): a 404.</summary>
    public static async Task<NewcomerCaseFile?> LoadAsync(PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, long newcomerId, CancellationToken ct)
    {
        var cutoff = workspace.Retention;
        var person = await PersonOf.For(db)(db, newcomerId, cutoff.MunicipalityId, cutoff.CertificateOnOrBefore, cutoff.ConfirmedBefore, ct);
        if (person is null) return null;
        var newcomer = person.Newcomer;
        var enrolments = await EnrolmentQueries.ForNewcomerAsync(db, workspace.Id, newcomer.Id, ct);
        var open = enrolments.OpenActivities;
        var activities = await MatchingQueries.ActivitiesAsync(db, workspace.Id, ct);
        var matches = Matcher.Rank(MatchingQueries.Profile(newcomer), activities.Where(a => !open.Contains(a.Id)), BelgianTime.Today(time), LanguageNames.Name);
        // The staff of the contact log and of the enrolments' history named in one lookup (none when no staff member acted).
        var names = await StaffNames.ForActorsAsync(db, person.Contacts.Select(c => c.Actor).Concat(enrolments.Actors), ct);
        var assignment = person.AssignedTo is null ? null : new AssignmentLine(
            person.AssignedTo, StaffNames.ForUser(person.AssignedTo, person.AssigneeName, person.AssigneeEmail), person.AssignedAt!.Value);
        return new NewcomerCaseFile(
            newcomer,
            assignment,
            await Assignments.CaseWorkersAsync(db, time, workspace.Id, ct),
            enrolments.Lines(names),
            matches,
            person.Contacts.Select(c => new ContactLogLine(c.Id, c.At, c.Outcome, c.Note, names[c.Actor])).ToList());
    }

    private sealed record PersonRow(
        Newcomer Newcomer, string? AssignedTo, DateTime? AssignedAt, string? AssigneeName, string? AssigneeEmail, List<ContactRow> Contacts);

    private sealed record ContactRow(long Id, DateTime At, ContactOutcome Outcome, string? Note, string Actor);

    /// <summary>
    /// Compiled once: every view of a newcomer runs it. The assignment (one row at most, keyed on the newcomer) and its
    /// user are LEFT JOINs; the contact log, newest first, a collection EF Core splits back out of the same result.
    /// Tenancy is the newcomer's row (the rule); assignment and contact log are reached only through its id: a condition
    /// on their own municipality column made SQLite read the municipality's whole contact log instead of the newcomer's
    /// (<c>PageRoundTripTests.NoQueryOfADetailViewReadsAMunicipalitysWholeHistoryOrContactLogOrEveryCatalogue</c>).
    /// </summary>
    private static readonly PerEngine<Func<PnxDb, long, int, DateOnly, DateTime, CancellationToken, Task<PersonRow?>>> PersonOf = new(() => EF.CompileAsyncQuery(
        QueryRules.Expand<Func<PnxDb, long, int, DateOnly, DateTime, CancellationToken, PersonRow?>>((db, id, municipalityId, certificateOnOrBefore, confirmedBefore, ct) =>
            (from n in db.Newcomers.AsNoTracking()
             where n.Id == id && CurrentNewcomers.Visible.Holds(n, municipalityId, certificateOnOrBefore, confirmedBefore)
             from a in db.NewcomerAssignments.Where(a => a.NewcomerId == n.Id).DefaultIfEmpty()
             from u in db.Users.Where(u => u.Id == a!.UserId).DefaultIfEmpty()
             select new PersonRow(
                 n,
                 a == null ? null : a.UserId,
                 a == null ? null : a.AssignedAt,
                 u == null ? null : u.DisplayName,
                 u == null ? null : u.Email,
                 db.ContactLog.Where(c => c.NewcomerId == n.Id)
                     .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
                     .Select(c => new ContactRow(c.Id, c.At, c.Outcome, c.Note, c.Actor)).ToList()))
            .FirstOrDefault())));
}
