using Pnx.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pnx.Access.Web;
using Pnx.Data;

namespace Pnx.Audit.Viewer;

/// <summary>The agency DPO sees the whole trail and may verify the chain (which needs every entry).</summary>
[Authorize(Policy = WorkspacePolicies.AgencyDpo)]
public sealed class AgencyAuditModel(PnxDb db, TimeProvider time, AuditLog audit) : AuditViewerModel(db, time, audit)
{
    private readonly PnxDb _db = db;

    public override string? Scope => null;

    public override string FormAction => "/agentschap/audit";

    public override bool CanVerify => true;

    /// <summary>On request rather than on every view: it reads the full chain, a million entries and more.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        Chain = await AuditVerifier.VerifyAsync(_db, ct);
        return await ShowAsync(ct);
    }
}
