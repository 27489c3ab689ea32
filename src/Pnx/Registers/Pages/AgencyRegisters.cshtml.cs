using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Access.Web;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;

namespace Pnx.Registers.Pages;

/// <summary>
/// The agency's view of every municipality's registers (art. 4: the agency sees the list of function profiles;
/// art. 6: the list of processors), with CSV downloads of all municipalities, and the agency DPO's own contact.
/// </summary>
[Authorize(Policy = WorkspacePolicies.RegisterOversight)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed class AgencyRegistersModel(PnxDb db, TimeProvider time, AuditLog audit) : PageModel
{
    public sealed record Line(string Nis, string Name, int Profiles, int Holders, int ActiveProcessors, DpoContact? Dpo);

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public DpoContact? AgencyDpo { get; private set; }

    public bool KeepsAgencyDpo { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var profiles = await ProfileRegister.LoadAsync(db, null, time.GetUtcNow(), ct);
        var processors = await ProcessorRegister.LoadAsync(db, null, ct);
        var dpos = await DpoContacts.OfMunicipalitiesAsync(db, ct);
        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.NisCode).Select(m => new { m.Id, m.NisCode, m.Name }).ToListAsync(ct);
        Lines = municipalities.Select(m =>
        {
            var current = profiles.Where(p => p.MunicipalityNis == m.NisCode && p.RetiredAt is null).ToList();
            return new Line(m.NisCode, m.Name, current.Count, current.Sum(p => p.Holders.Count),
                processors.Count(p => p.MunicipalityNis == m.NisCode && p.Status == ProcessorStatus.Active), dpos.GetValueOrDefault(m.Id));
        }).ToList();
        AgencyDpo = await DpoContacts.GetAsync(db, null, ct);
        var grants = await CurrentGrants.GetAsync(HttpContext, db, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value, time);
        KeepsAgencyDpo = WorkspacePolicies.Allows(WorkspacePolicies.AgencyDpo, grants.Where(g => g.MunicipalityNis is null).Select(g => g.Role));
        await audit.RecordAsync(new AuditRecord(WorkspaceMunicipality.Actor(User), "register.view", null, [], AuditPurposes.Supervision, "all municipalities"), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetProfilesCsvAsync(CancellationToken ct)
    {
        var profiles = await ProfileRegister.LoadAsync(db, null, time.GetUtcNow(), ct);
        await audit.RecordAsync(new AuditRecord(WorkspaceMunicipality.Actor(User), "register.export", null, [], AuditPurposes.Supervision,
            $"function profiles csv, all municipalities, {profiles.Count} profiles"), ct);
        return File(RegisterCsv.Profiles(profiles), RegisterPaths.CsvType, $"functieprofielen-alle-gemeenten-{BelgianTime.Today(time):yyyy-MM-dd}.csv");
    }

    public async Task<IActionResult> OnGetProcessorsCsvAsync(CancellationToken ct)
    {
        var processors = await ProcessorRegister.LoadAsync(db, null, ct);
        await audit.RecordAsync(new AuditRecord(WorkspaceMunicipality.Actor(User), "register.export", null, [], AuditPurposes.Supervision,
            $"processors csv, all municipalities, {processors.Count} processors"), ct);
        return File(RegisterCsv.Processors(processors), RegisterPaths.CsvType, $"verwerkers-alle-gemeenten-{BelgianTime.Today(time):yyyy-MM-dd}.csv");
    }
}
