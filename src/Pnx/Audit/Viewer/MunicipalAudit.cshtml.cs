using Microsoft.AspNetCore.Authorization;
using Pnx.Access.Web;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Audit.Viewer;

/// <summary>A municipal DPO sees only entries of their own municipality (the route's {nis}, checked by the policy).</summary>
[Authorize(Policy = WorkspacePolicies.MunicipalDpo)]
public sealed class MunicipalAuditModel(PnxDb db, TimeProvider time, AuditLog audit, PnxSettings settings) : AuditViewerModel(db, time, audit, settings)
{
    public override string? Scope => Municipalities.WorkspaceMunicipality.Of(HttpContext).NisCode;

    public override string FormAction => $"/gemeenten/{Scope}/audit";
}
