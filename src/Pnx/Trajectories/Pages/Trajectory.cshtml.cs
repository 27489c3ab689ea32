using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Pnx.Access.Web;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Enrolments;
using Pnx.Hosting;
using Pnx.Municipalities;

namespace Pnx.Trajectories.Pages;

/// <summary>The contract facts form; dates as text so that both a date picker and dd/mm/yyyy work.</summary>
public sealed class FactsForm
{
    public string? SignedOn { get; set; }

    public string? EndsOn { get; set; }

    public bool AtSigning { get; set; }

    public string? StartedOn { get; set; }

    public int Version { get; set; }

    public static FactsForm From(TrajectoryFacts? facts) => new()
    {
        SignedOn = FormValues.Iso(facts?.ContractSignedOn), EndsOn = FormValues.Iso(facts?.ContractEndsOn),
        AtSigning = facts?.WorkingOrStudyingAtSigning ?? false, StartedOn = FormValues.Iso(facts?.WorkOrStudyStartedOn), Version = facts?.Version ?? 0,
    };
}

/// <summary>
/// One dossier number's participation trajectory across municipalities, keyed by the internal id of one of its
/// newcomer rows: enrolments, statuses, reported and confirmed hours, history, progress toward 40 and the goal of
/// decree art. 33 §2. The counsellor confirms hours and records the agency-only contract facts here.
/// </summary>
[Authorize(Policy = WorkspacePolicies.Trajectories)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed class TrajectoryModel(PnxDb db, TimeProvider time, AuditLog audit) : PageModel
{
    public long Key { get; private set; }

    public TrajectoryView View { get; private set; } = null!;

    [BindProperty]
    public FactsForm Facts { get; set; } = new();

    public string? Message { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, string? klaar, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Facts = FactsForm.From(View.Facts);
        Done = klaar switch
        {
            "uren" => UiText.T("De uren zijn bevestigd."),
            "gegevens" => UiText.T("De gegevens van het traject zijn opgeslagen."),
            _ => null,
        };
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync([FromRoute] long id, long enrolment, int version, string? hours, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || View.Enrolments.All(e => e.Id != enrolment)) return NotFound();
        Facts = FactsForm.From(View.Facts);
        if (!FormValues.TryHours(hours, out var confirmed))
        {
            return await RefuseAsync(StatusCodes.Status422UnprocessableEntity, UiText.T("Geef het aantal uren als getal, bijvoorbeeld 12,5."), ct);
        }

        var outcome = await HoursConfirmation.ConfirmAsync(db, time, enrolment, version, confirmed, WorkspaceMunicipality.Actor(User), ct);
        return outcome.Kind switch
        {
            EnrolmentOutcomeKind.Done => Redirect($"/agentschap/trajecten/{id}?klaar=uren"),
            EnrolmentOutcomeKind.NotFound => NotFound(),
            EnrolmentOutcomeKind.Stale => await RefuseAsync(StatusCodes.Status409Conflict, UiText.T(outcome.Message!), ct),
            _ => await RefuseAsync(StatusCodes.Status422UnprocessableEntity, UiText.T(outcome.Message!), ct),
        };
    }

    public async Task<IActionResult> OnPostFactsAsync([FromRoute] long id, CancellationToken ct)
    {
        var form = Facts;
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!FormDate.TryParse(form.SignedOn, out var signed) || !FormDate.TryParse(form.EndsOn, out var ends) || !FormDate.TryParse(form.StartedOn, out var started))
        {
            return await RefuseAsync(StatusCodes.Status422UnprocessableEntity, UiText.T("Geef datums als dd/mm/jjjj."), ct);
        }

        var problem = await TrajectoryFactsEditing.SaveAsync(
            db, time, View.DossierNumber, form.Version, new ContractFacts(signed, ends, form.AtSigning, started), WorkspaceMunicipality.Actor(User), ct);
        if (problem is null) return Redirect($"/agentschap/trajecten/{id}?klaar=gegevens");
        var status = problem == TrajectoryFactsEditing.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        if (status == StatusCodes.Status409Conflict) Facts = FactsForm.From(View.Facts);
        return await RefuseAsync(status, UiText.T(problem), ct);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await TrajectoryQuery.DossierOfAsync(db, id, ct) is not { } dossier) return false;
        Key = id;
        View = await TrajectoryQuery.LoadAsync(db, dossier, BelgianTime.Today(time), ct);
        return true;
    }

    private async Task<IActionResult> RefuseAsync(int status, string message, CancellationToken ct)
    {
        Message = message;
        Response.StatusCode = status;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var municipalities = string.Join(", ", View.Newcomers.Where(n => n.Current).Select(n => n.MunicipalityNis).Distinct());
        await audit.RecordAsync(new AuditRecord(
            WorkspaceMunicipality.Actor(User), "trajectory.view", null, [View.DossierNumber], AuditPurposes.Steering,
            $"{View.Enrolments.Count} enrolments; shared with {(municipalities.Length == 0 ? "none" : municipalities)}"), ct);
        return Page();
    }
}
