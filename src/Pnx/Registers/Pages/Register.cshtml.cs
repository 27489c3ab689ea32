using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Pnx.Access.Web;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;

namespace Pnx.Registers.Pages;

/// <summary>
/// One municipality's registers of art. 4 and 6: its function profiles (role, what each may do, who holds it now),
/// its processors and both DPOs. Its DPO keeps them; the agency reads them. No newcomer data, so no active protocol needed.
/// </summary>
[Authorize(Policy = WorkspacePolicies.Registers)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed class RegisterModel(PnxDb db, TimeProvider time, AuditLog audit) : WorkspacePageModel
{
    public IReadOnlyList<ProfileEntry> Profiles { get; private set; } = [];

    public IReadOnlyList<ProcessorEntry> Processors { get; private set; } = [];

    public DpoContact? MunicipalDpo { get; private set; }

    public DpoContact? AgencyDpo { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    /// <summary>Whether the caller keeps these registers (the edit links); the edit pages' own policy is what enforces it.</summary>
    public bool CanKeep => WorkspacePolicies.Allows(WorkspacePolicies.RegisterKeeping, Municipality.Roles);

    public string BasePath => RegisterPaths.Of(Municipality.NisCode);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var workspace = Municipality;
        Profiles = await ProfileRegister.LoadAsync(db, workspace.Id, time.GetUtcNow(), ct);
        Processors = await ProcessorRegister.LoadAsync(db, workspace.Id, ct);
        MunicipalDpo = await DpoContacts.GetAsync(db, workspace.Id, ct);
        AgencyDpo = await DpoContacts.GetAsync(db, null, ct);
        await audit.RecordAsync(new AuditRecord(WorkspaceMunicipality.Actor(User), "register.view", workspace.NisCode, [], AuditPurposes.Supervision), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetProfilesCsvAsync(CancellationToken ct)
    {
        var workspace = Municipality;
        var profiles = await ProfileRegister.LoadAsync(db, workspace.Id, time.GetUtcNow(), ct);
        await audit.RecordAsync(new AuditRecord(WorkspaceMunicipality.Actor(User), "register.export", workspace.NisCode, [], AuditPurposes.Supervision,
            $"function profiles csv, {profiles.Count} profiles"), ct);
        return File(RegisterCsv.Profiles(profiles), RegisterPaths.CsvType, $"functieprofielen-{workspace.NisCode}-{BelgianTime.Today(time):yyyy-MM-dd}.csv");
    }

    public async Task<IActionResult> OnGetProcessorsCsvAsync(CancellationToken ct)
    {
        var workspace = Municipality;
        var processors = await ProcessorRegister.LoadAsync(db, workspace.Id, ct);
        await audit.RecordAsync(new AuditRecord(WorkspaceMunicipality.Actor(User), "register.export", workspace.NisCode, [], AuditPurposes.Supervision,
            $"processors csv, {processors.Count} processors"), ct);
        return File(RegisterCsv.Processors(processors), RegisterPaths.CsvType, $"verwerkers-{workspace.NisCode}-{BelgianTime.Today(time):yyyy-MM-dd}.csv");
    }
}
