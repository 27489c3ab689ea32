using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using static Pnx.Hosting.UiText;

namespace Pnx.Access.Administration;

/// <summary>
/// A municipality's function profiles: list, add, and export as CSV at any time (protocol art. 4), through
/// <see cref="FunctionProfiles"/> like `pnx function-profile`. The municipality is a closed-list choice, so a query parameter.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Web.WorkspacePolicies.AccessAdministration)]
public sealed class FunctionProfilesPageModel(PnxDb db, TimeProvider time) : AdministrationPageModel
{
    public sealed record MunicipalityOption(string Nis, string Name);

    public IReadOnlyList<MunicipalityOption> Municipalities { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "gemeente")]
    public string? Nis { get; set; }

    public IReadOnlyList<FunctionProfileRow> Rows { get; private set; } = [];

    public static IReadOnlyList<Role> MunicipalRoles { get; } = Roles.All.Where(r => r.IsMunicipal()).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.NisCode)
            .Select(m => new MunicipalityOption(m.NisCode, m.Name)).ToListAsync(ct);
        if (Nis is null) return Page();
        if (Municipalities.All(m => m.Nis != Nis)) return NotFound();
        Rows = await FunctionProfiles.ListAsync(db, Nis, time.GetUtcNow(), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (Nis is null || !await db.Municipalities.AnyAsync(m => m.NisCode == Nis, ct)) return NotFound();
        var csv = FunctionProfiles.ToCsv(await FunctionProfiles.ListAsync(db, Nis, time.GetUtcNow(), ct));
        return File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(),
            "text/csv; charset=utf-8", $"functieprofielen-{Nis}.csv");
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? role, CancellationToken ct)
    {
        var outcome = await FunctionProfiles.AddAsync(db, time, Nis ?? "", name ?? "", role ?? "", GrantRules.Actor(ActorId), ct);
        return Report(outcome, T("Het functieprofiel is toegevoegd."), new { gemeente = Nis });
    }
}
