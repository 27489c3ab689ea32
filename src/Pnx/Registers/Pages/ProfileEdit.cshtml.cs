using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Access.Administration;
using Pnx.Access.Web;
using Pnx.Data;
using Pnx.Municipalities;
using static Pnx.Hosting.UiText;

namespace Pnx.Registers.Pages;

/// <summary>
/// The municipal DPO adds a function profile, renames it, describes its tasks or retires it (protocol art. 4).
/// <c>?id=</c> names a profile of this workspace; another municipality's answers 404.
/// </summary>
[Authorize(Policy = WorkspacePolicies.RegisterKeeping)]
public sealed class ProfileEditModel(PnxDb db, TimeProvider time) : WorkspacePageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    /// <summary>The profile's role, once it exists (it never changes).</summary>
    public Role? ExistingRole { get; private set; }

    public IReadOnlyList<RegisterProblem> Problems { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public static IReadOnlyList<Role> MunicipalRoles { get; } = Roles.All.Where(r => r.IsMunicipal()).ToList();

    public string RegisterPath => RegisterPaths.Of(Municipality.NisCode);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null) return Page();
        var profile = await FindAsync(ct);
        if (profile is null) return NotFound();
        (Name, Description, ExistingRole) = (profile.Name, profile.Description, profile.Role);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var workspace = Municipality;
        var actor = WorkspaceMunicipality.Actor(User);
        if (Id is { } id)
        {
            var outcome = await ProfileRegister.UpdateAsync(db, time, workspace.Id, workspace.NisCode, id, Name, Description, actor, ct);
            if (outcome.NotFound) return NotFound();
            return outcome.Succeeded ? Done(T("Het functieprofiel is bewaard.")) : await ShowAsync(outcome.Problems, ct);
        }

        var added = await FunctionProfiles.AddAsync(db, time, workspace.NisCode, Name ?? "", Role ?? "", Description, actor, ct);
        if (added.Succeeded) return Done(T("Het functieprofiel is toegevoegd."));
        var field = added.Message.StartsWith("--role", StringComparison.Ordinal) ? "Role"
            : added.Message.StartsWith("--description", StringComparison.Ordinal) ? "Description" : "Name";
        return await ShowAsync([new RegisterProblem(field, AccessMessages.Localize(added))], ct);
    }

    public async Task<IActionResult> OnPostRetireAsync(CancellationToken ct)
    {
        if (Id is not { } id) return NotFound();
        var workspace = Municipality;
        var outcome = await ProfileRegister.RetireAsync(db, time, workspace.Id, workspace.NisCode, id, WorkspaceMunicipality.Actor(User), ct);
        if (outcome.NotFound) return NotFound();
        return outcome.Succeeded ? Done(T("Het functieprofiel is ingetrokken.")) : await ShowAsync(outcome.Problems, ct);
    }

    private RedirectResult Done(string text)
    {
        Saved = text;
        return Redirect(RegisterPath + "#functieprofielen");
    }

    private async Task<IActionResult> ShowAsync(IReadOnlyList<RegisterProblem> problems, CancellationToken ct)
    {
        Problems = problems;
        if (Id is not null) ExistingRole = (await FindAsync(ct))?.Role;
        return Page();
    }

    private Task<FunctionProfile?> FindAsync(CancellationToken ct)
    {
        var municipalityId = Municipality.Id;
        return db.FunctionProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id && p.MunicipalityId == municipalityId && p.RetiredAt == null, ct);
    }
}
