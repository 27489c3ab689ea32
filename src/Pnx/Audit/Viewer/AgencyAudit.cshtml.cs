using Pnx.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pnx.Access.Web;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Audit.Viewer;

/// <summary>The agency DPO sees the whole trail and may verify the chain (which needs every entry).</summary>
[Authorize(Policy = WorkspacePolicies.AgencyDpo)]
public sealed class AgencyAuditModel(PnxDb db, TimeProvider time, AuditLog audit, PnxSettings settings) : AuditViewerModel(db, time, audit)
{
    private readonly PnxDb _db = db;

    public override string? Scope => null;

    public override string FormAction => "/agentschap/audit";

    public override bool CanVerify => true;

    /// <summary>
    /// On request rather than on every view: it reads the full chain, a million entries and more. Checks the
    /// heads this server witnessed too, as `pnx audit verify` does.
    /// </summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var witness = await AuditWitnessFile.ReadAsync(settings.AuditWitnessPath, ct);
        Chain = await AuditVerifier.VerifyAsync(_db, witness.Heads, ct);
        return await ShowAsync(ct);
    }
}
