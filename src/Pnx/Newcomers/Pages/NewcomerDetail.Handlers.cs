using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pnx.CaseWork;
using Pnx.Enrolments;
using Pnx.Municipalities;

namespace Pnx.Newcomers.Pages;

/// <summary>
/// The case worker's writes on a newcomer's page. Each takes the newcomer from the route and the workspace from the
/// request, checks that what the form names (an activity, an enrolment) belongs to them, and goes through the one
/// write path of its feature (Enrolling, ContactLog, Assignments), which audits inside its transaction.
/// Success redirects back (Post/Redirect/Get); a refusal shows the page again with the message at its form.
/// </summary>
public sealed partial class NewcomerDetailModel
{
    public async Task<IActionResult> OnPostProposeAsync([FromRoute] long id, int activityId, CancellationToken ct)
    {
        var outcome = await Enrolling.ProposeAsync(db, time, Municipality, id, activityId, Actor, ct);
        return await AfterAsync(id, outcome, "voorstel", "voorgesteld", "inschrijvingen", ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(
        [FromRoute] long id, long enrolmentId, int version, string? status, string? reason, string? hours, CancellationToken ct)
    {
        var workspace = Municipality;
        if (!await db.Enrolments.AnyAsync(e => e.Id == enrolmentId && e.NewcomerId == id && e.MunicipalityId == workspace.Id, ct)) return NotFound();
        var form = "inschrijving-" + enrolmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!EnrolmentWords.TryParseStatus(status, out var next)) return await RefuseAsync(id, form, "kies een status uit de lijst", ct);
        StopReason? why = null;
        if (!string.IsNullOrWhiteSpace(reason))
        {
            if (!EnrolmentWords.TryParseReason(reason, out var parsed)) return await RefuseAsync(id, form, "kies een reden uit de lijst: " + EnrolmentWords.ReasonList, ct);
            why = parsed;
        }

        if (!HoursText.TryParse(hours, out var attended)) return await RefuseAsync(id, form, "uren: geef een getal in stappen van een half uur, bijvoorbeeld 2,5", ct);
        var outcome = await Enrolling.ChangeAsync(db, time, workspace, enrolmentId, version, next, why, attended, Actor, ct);
        return await AfterAsync(id, outcome, form, "status", form, ct);
    }

    public async Task<IActionResult> OnPostContactAsync([FromRoute] long id, string? outcome, string? note, CancellationToken ct)
    {
        NoteDraft = note;
        if (!ContactOutcomeWords.TryParse(outcome, out var parsed)) return await RefuseAsync(id, "contact", "kies de uitkomst van de contactpoging", ct);
        var result = await ContactLog.AddAsync(db, time, Municipality, id, parsed, note, Actor, ct);
        return await AfterAsync(id, result, "contact", ct);
    }

    /// <summary><paramref name="to"/>: "mij", "niemand", or the user id of a colleague with a case-worker grant here.</summary>
    public async Task<IActionResult> OnPostAssignAsync([FromRoute] long id, string? to, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(to)) return await RefuseAsync(id, "toewijzing", "kies een toeleider", ct);
        var userId = to switch
        {
            "mij" => CurrentUserId,
            "niemand" => null,
            _ => to,
        };
        var result = await Assignments.AssignAsync(db, time, Municipality, id, userId, Actor, ct);
        return await AfterAsync(id, result, "toewijzing", ct);
    }

    private string Actor => WorkspaceMunicipality.Actor(User);

    private async Task<IActionResult> AfterAsync(long id, EnrolmentOutcome outcome, string form, string done, string anchor, CancellationToken ct) => outcome.Kind switch
    {
        EnrolmentOutcomeKind.Done => Back(id, done, anchor),
        EnrolmentOutcomeKind.NotFound => NotFound(),
        EnrolmentOutcomeKind.Stale => await ShowProblemAsync(id, form, outcome.Message!, StatusCodes.Status409Conflict, ct),
        EnrolmentOutcomeKind.Refused => await ShowProblemAsync(id, form, outcome.Message!, StatusCodes.Status422UnprocessableEntity, ct),
    };

    private async Task<IActionResult> AfterAsync(long id, CaseWorkOutcome outcome, string form, CancellationToken ct) => outcome.Kind switch
    {
        CaseWorkOutcomeKind.Done => Back(id, form, form),
        CaseWorkOutcomeKind.NotFound => NotFound(),
        CaseWorkOutcomeKind.Refused => await ShowProblemAsync(id, form, outcome.Message!, StatusCodes.Status422UnprocessableEntity, ct),
    };

    private Task<IActionResult> RefuseAsync(long id, string form, string message, CancellationToken ct) =>
        ShowProblemAsync(id, form, message, StatusCodes.Status422UnprocessableEntity, ct);

    private Task<IActionResult> ShowProblemAsync(long id, string form, string message, int status, CancellationToken ct)
    {
        Problem = (form, char.ToUpperInvariant(message[0]) + message[1..] + ".");
        return ShowAsync(id, status, ct);
    }

    private RedirectResult Back(long id, string done, string anchor) =>
        Redirect($"/gemeenten/{Municipality.NisCode}/inburgeraars/{id}?gedaan={done}{ListState}#{anchor}");
}
