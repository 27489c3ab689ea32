using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Pnx.Access.Web;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;
using Pnx.Newcomers.Pages;

namespace Pnx.Matching.Pages;

/// <summary>
/// For proactive outreach: this municipality's current newcomers who fit an activity best (hard rules passed, no
/// open enrolment in it yet). The activity must be usable here (own or shared); another one answers 404. Names
/// and dossiers are personal data: the view is audited with exactly the dossier numbers shown.
/// </summary>
[Authorize(Policy = WorkspacePolicies.CaseWork)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed class ActivityCandidatesModel(PnxDb db, AuditLog audit, TimeProvider time) : WorkspacePageModel
{
    public const int Shown = 50;

    public MatchActivity Activity { get; private set; } = null!;

    /// <summary>Whether the activity takes newcomers today (active, a place left); if not, nobody is listed.</summary>
    public bool IsOpen { get; private set; }

    public int Fitting { get; private set; }

    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken ct)
    {
        var workspace = Municipality;
        var activity = await MatchingQueries.ActivityAsync(db, workspace.Id, id, ct);
        if (activity is null) return NotFound();
        Activity = activity;
        var today = BelgianTime.Today(time);
        IsOpen = Matcher.IsOpen(activity, today);
        if (IsOpen)
        {
            var ranked = Matcher.RankCandidates(activity, await MatchingQueries.CandidatesAsync(db, workspace.Retention, id, ct), today, LanguageNames.Name);
            Fitting = ranked.Count;
            Candidates = ranked.Take(Shown).ToList();
        }

        await audit.RecordAsync(new AuditRecord(
            WorkspaceMunicipality.Actor(User), "matching.candidates", workspace.NisCode, Candidates.Select(c => c.DossierNumber).ToList(),
            AuditPurposes.Steering, $"activity {id}: {Candidates.Count} shown of {Fitting} fitting"), ct);
        return Page();
    }
}
