using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Pnx.Access.Web;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;

namespace Pnx.Enrolments.Proof;

/// <summary>The same proof of participation for the agency's trajectory counsellor, for an enrolment in any municipality.</summary>
[Authorize(Policy = WorkspacePolicies.Trajectories)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed class AgencyProofPageModel(PnxDb db, AuditLog audit) : PageModel
{
    public ProofOfParticipation Proof { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken ct)
    {
        if (await ProofOfParticipation.LoadAsync(db, id, null, ct) is not { } proof) return NotFound();
        Proof = proof;
        await audit.RecordAsync(new AuditRecord(
            WorkspaceMunicipality.Actor(User), "enrolment.proof", proof.MunicipalityNis, [proof.DossierNumber], AuditPurposes.Steering,
            $"proof of participation, enrolment {proof.EnrolmentId}, agency"), ct);
        return Page();
    }
}
