using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Pnx.Access.Web;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;

namespace Pnx.Enrolments.Proof;

/// <summary>
/// The print-ready proof of participation for one enrolment of the route's municipality. Another municipality's
/// enrolment, or one of a withdrawn newcomer, answers 404. Showing it is an audited read of personal data.
/// </summary>
[Authorize(Policy = WorkspacePolicies.CaseWork)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed class ProofPageModel(PnxDb db, AuditLog audit) : WorkspacePageModel
{
    public ProofOfParticipation Proof { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken ct)
    {
        var workspace = Municipality;
        if (await ProofOfParticipation.LoadAsync(db, id, workspace.Id, ct) is not { } proof) return NotFound();
        Proof = proof;
        await audit.RecordAsync(new AuditRecord(
            WorkspaceMunicipality.Actor(User), "enrolment.proof", workspace.NisCode, [proof.DossierNumber], AuditPurposes.Steering,
            $"proof of participation, enrolment {proof.EnrolmentId}"), ct);
        return Page();
    }
}
