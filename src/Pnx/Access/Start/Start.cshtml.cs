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

    public IReadOnlyList<Protocols.ProtocolWarning> EndingProtocols { get; private set; } = [];

    public IReadOnlyList<(string Nis, string Name, DateTime? LastImport)> OverdueImports { get; private set; } = [];

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
        Links = [.. Links, .. RegisterLinks(grants, names)];
        var today = Hosting.BelgianTime.Today(time);
        EndingProtocols = await Protocols.ProtocolWarnings.EndingAsync(db, grants, today, ct);
        if (grants.Any(g => g.Role == Role.AgencyDataSteward))
        {
            OverdueImports = await Protocols.ProtocolWarnings.ImportsOverdueAsync(db, time.GetUtcNow(), today, ct);
        }
    }

    /// <summary>The registers of art. 4 and 6: a municipality's for those who keep them, all of them for the agency roles that see them.</summary>
    private static IEnumerable<Link> RegisterLinks(IReadOnlyList<ActiveGrant> grants, IReadOnlyDictionary<string, string> names)
    {
        foreach (var nis in grants.Where(g => g.MunicipalityNis is not null && WorkspacePolicies.Allows(WorkspacePolicies.RegisterKeeping, [g.Role]))
                     .Select(g => g.MunicipalityNis!).Distinct().Order(StringComparer.Ordinal))
        {
            yield return new Link($"{nis} {names.GetValueOrDefault(nis, "")}: {T("registers van art. 4 en 6")}", Registers.RegisterPaths.Of(nis), T("Functieprofielen, verwerkers, DPO"));
        }

        if (WorkspacePolicies.Allows(WorkspacePolicies.RegisterOversight, grants.Where(g => g.MunicipalityNis is null).Select(g => g.Role)))
        {
            yield return new Link(T("Registers van de gemeenten (art. 4 en 6)"), Registers.RegisterPaths.Agency, T("Functieprofielen, verwerkers, DPO"));
        }
    }
}
