using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using static Pnx.Hosting.UiText;

namespace Pnx.Access.Administration;

/// <summary>
/// Requesting, approving and revoking grants through <see cref="GrantRules"/>, the same calls as the
/// CLI. The approve button is hidden for one's own requests as a courtesy; the rule still refuses them.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Web.WorkspacePolicies.AccessAdministration)]
public sealed class GrantsModel(PnxDb db, TimeProvider time) : AdministrationPageModel
{
    public sealed record Option(string Value, string Label);

    public sealed record ProfileGroup(string Label, IReadOnlyList<Option> Options);

    public IReadOnlyList<GrantRow> Rows { get; private set; } = [];

    public IReadOnlyList<Option> Users { get; private set; } = [];

    public IReadOnlyList<ProfileGroup> Scopes { get; private set; } = [];

    public bool MayApprove(GrantRow row) =>
        row.Status == GrantStatus.Requested && row.RequestedById != ActorId;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        Rows = (await GrantList.ListAsync(db, now, ct: ct)).OrderBy(r => r.Status).ThenByDescending(r => r.Id).ToList();
        Users = await db.Users.AsNoTracking().Where(u => u.DisabledAt == null).OrderBy(u => u.Email)
            .Select(u => new Option(u.Id, u.DisplayName + " (" + u.Email + ")")).ToListAsync(ct);
        var profiles = await db.FunctionProfiles.AsNoTracking().Where(p => p.RetiredAt == null)
            .OrderBy(p => p.Municipality.NisCode).ThenBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Role, p.Municipality.NisCode, Municipality = p.Municipality.Name })
            .ToListAsync(ct);
        Scopes =
        [
            new ProfileGroup(T("Agentschap"), Roles.All.Where(r => r.IsAgency())
                .Select(r => new Option("role:" + r.Slug(), Web.RoleLabels.Dutch(r))).ToList()),
            .. profiles.GroupBy(p => (p.NisCode, p.Municipality)).Select(g => new ProfileGroup(
                $"{g.Key.NisCode} {g.Key.Municipality}",
                g.Select(p => new Option("profile:" + p.Id.ToString(CultureInfo.InvariantCulture), Web.ProfileLabels.InMunicipality(p.Name, p.Role, p.NisCode, p.Municipality))).ToList())),
        ];
    }

    public async Task<IActionResult> OnPostRequestAsync(string? userId, string? scope, CancellationToken ct)
    {
        var grantScope = await ScopeAsync(scope, ct);
        if (string.IsNullOrEmpty(userId) || grantScope is null)
        {
            return Report(AccessOutcome.Rejected(AccessMessages.ChooseUserAndScope), "");
        }

        var outcome = await GrantRules.RequestAsync(db, time, userId, grantScope, ActorId, ct);
        return Report(outcome, AccessMessages.WithId("Toegang {0} is aangevraagd. Ze werkt pas als een tweede toegangsbeheerder ze goedkeurt.", outcome.GrantId));
    }

    public async Task<IActionResult> OnPostApproveAsync(int grantId, CancellationToken ct)
    {
        var outcome = await GrantRules.ApproveAsync(db, time, grantId, ActorId, ct);
        return Report(outcome, AccessMessages.WithId("Toegang {0} is goedgekeurd en actief voor 12 maanden.", grantId));
    }

    public async Task<IActionResult> OnPostRevokeAsync(int grantId, CancellationToken ct)
    {
        var outcome = await GrantRules.RevokeAsync(db, time, grantId, ActorId, ct);
        return Report(outcome, AccessMessages.WithId("Toegang {0} is ingetrokken. Dat geldt vanaf de volgende aanvraag van de gebruiker.", grantId));
    }

    /// <summary>The form's choice: "role:SLUG" for an agency role or "profile:ID" for a function profile, as the CLI resolves them.</summary>
    private async Task<GrantScope?> ScopeAsync(string? choice, CancellationToken ct)
    {
        if (choice is null) return null;
        if (choice.StartsWith("role:", StringComparison.Ordinal))
        {
            return Roles.TryParseSlug(choice["role:".Length..], out var role) && role.IsAgency() ? new GrantScope(role, null, null) : null;
        }

        if (!choice.StartsWith("profile:", StringComparison.Ordinal)
            || !int.TryParse(choice["profile:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var profileId))
        {
            return null;
        }

        return await db.FunctionProfiles.AsNoTracking().Where(p => p.Id == profileId)
            .Select(p => new GrantScope(p.Role, p.MunicipalityId, p.Id)).SingleOrDefaultAsync(ct);
    }
}
