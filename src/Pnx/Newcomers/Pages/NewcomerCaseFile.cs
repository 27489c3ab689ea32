using Pnx.CaseWork;
using Pnx.Data;
using Pnx.Enrolments;
using Pnx.Hosting;
using Pnx.Matching;
using Pnx.Municipalities;

namespace Pnx.Newcomers.Pages;

/// <summary>
/// Everything the newcomer's page shows besides the shared data: the case worker assigned, enrolments with their
/// history, the activities that fit (hard rules passed, none with an open enrolment), and the contact log.
/// </summary>
public sealed record NewcomerCaseFile(
    AssignmentLine? Assignment,
    IReadOnlyList<CaseWorker> CaseWorkers,
    IReadOnlyList<EnrolmentLine> Enrolments,
    IReadOnlyList<Match> Matches,
    IReadOnlyList<ContactLogLine> Contacts)
{
    public static async Task<NewcomerCaseFile> LoadAsync(PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, Newcomer newcomer, CancellationToken ct)
    {
        var enrolments = await EnrolmentQueries.ForNewcomerAsync(db, workspace.Id, newcomer.Id, ct);
        var open = enrolments.Where(e => !EnrolmentRules.IsFinal(e.Status)).Select(e => e.ActivityId).ToHashSet();
        var activities = await MatchingQueries.ActivitiesAsync(db, workspace.Id, ct);
        var matches = Matcher.Rank(MatchingQueries.Profile(newcomer), activities.Where(a => !open.Contains(a.Id)), BelgianTime.Today(time), LanguageNames.Name);
        return new NewcomerCaseFile(
            await Assignments.ForNewcomerAsync(db, workspace.Id, newcomer.Id, ct),
            await Assignments.CaseWorkersAsync(db, time, workspace.Id, ct),
            enrolments,
            matches,
            await ContactLog.ForNewcomerAsync(db, workspace.Id, newcomer.Id, ct));
    }
}
