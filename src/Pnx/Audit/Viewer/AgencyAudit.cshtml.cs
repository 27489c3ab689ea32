using Microsoft.AspNetCore.Authorization;
using Pnx.Access.Web;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Audit.Viewer;

/// <summary>The agency DPO sees the whole trail.</summary>
[Authorize(Policy = WorkspacePolicies.AgencyDpo)]
public sealed class AgencyAuditModel(PnxDb db, TimeProvider time, AuditLog audit, PnxSettings settings) : AuditViewerModel(db, time, audit, settings)
{
    public override string? Scope => null;

    public override string FormAction => "/agentschap/audit";
}
