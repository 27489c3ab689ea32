using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pnx.Access.Web;
using Pnx.Data;
using static Pnx.Hosting.UiText;

namespace Pnx.Access.Start;

/// <summary>After sign-in: one entry per active grant, pointing to the workspace it opens.</summary>
[Authorize(Policy = WorkspacePolicies.SignedIn)]
public sealed class StartModel(PnxDb db, TimeProvider time) : PageModel
{
    public sealed record Link(string Title, string Href, string Role);

    public IReadOnlyList<Link> Links { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var grants = await CurrentGrants.GetAsync(HttpContext, db, User.FindFirstValue(ClaimTypes.NameIdentifier)!, time);
        var names = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.NisCode, m => m.Name, ct);
        Links = grants
            .OrderBy(g => g.MunicipalityNis ?? "", StringComparer.Ordinal).ThenBy(g => g.Role)
            .Select(g => g.MunicipalityNis is { } nis
                ? new Link($"{nis} {names.GetValueOrDefault(nis, "")}", WorkspaceLinks.Home(g.Role, nis), RoleLabels.Dutch(g.Role))
                : new Link(T("Agentschap Integratie en Inburgering"), WorkspaceLinks.Home(g.Role, null), RoleLabels.Dutch(g.Role)))
            .ToList();
    }
}
