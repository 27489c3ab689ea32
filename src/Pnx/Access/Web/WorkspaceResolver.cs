using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;
using Pnx.Protocols;
using Pnx.Retention;

namespace Pnx.Access.Web;

/// <summary>
/// Resolves the request's workspace from the route's {nis} and nothing else (route values come from the
/// path only), once per request, and keeps it in the request's features for every handler downstream.
/// </summary>
public static class WorkspaceResolver
{
    public const string RouteMunicipality = "nis";

    private static readonly object ResolvedKey = new();

    /// <summary>The NIS code in the route, or null when the route has none or it is not five digits.</summary>
    public static string? RouteNis(HttpContext http) =>
        http.GetRouteValue(RouteMunicipality) is string { Length: 5 } nis && nis.All(char.IsAsciiDigit) ? nis : null;

    /// <summary>The municipality of the route and whether its protocol is active today, or null when it does not exist.</summary>
    public static async Task<WorkspaceMunicipality?> ResolveAsync(HttpContext http, PnxDb db, TimeProvider time)
    {
        if (http.Items.TryGetValue(ResolvedKey, out var cached)) return cached as WorkspaceMunicipality;
        if (RouteNis(http) is not { } nis) return null;
        var workspace = await LoadAsync(db, nis, BelgianTime.Today(time), http.RequestAborted);
        http.Items[ResolvedKey] = workspace;
        return workspace;
    }

    /// <summary>
    /// The municipality with this NIS code as a workspace on <paramref name="today"/>: whether a protocol is active and the
    /// retention cutoff, both from its protocols, loaded with it in one query. Null when it does not exist.
    /// </summary>
    public static async Task<WorkspaceMunicipality?> LoadAsync(PnxDb db, string nis, DateOnly today, CancellationToken ct)
    {
        var row = await Query.For(db)(db, nis, today, ct);
        return row is null ? null : Workspace(row.Id, row.NisCode, row.Name, row.Active, row.Terms, today);
    }

    /// <summary>The workspace of a municipality as loaded, here or by the session's query (<see cref="RequestAccess"/>).</summary>
    public static WorkspaceMunicipality Workspace(int id, string nis, string name, bool hasActiveProtocol, IReadOnlyCollection<ProtocolTerm> terms, DateOnly today) =>
        new(id, nis, name, hasActiveProtocol, RetentionCutoff.From(id, terms, today));

    /// <summary>The route's workspace (null: no such municipality) as the session's query read it, for this request only.</summary>
    public static void Prime(HttpContext http, WorkspaceMunicipality? workspace) => http.Items[ResolvedKey] = workspace;

    /// <summary>Whether a workspace's municipality has a protocol active on the day: this query's and the session's (<see cref="RequestAccess"/>).</summary>
    public static readonly QueryRule<Municipality, IQueryable<Protocol>, DateOnly> HasActiveProtocol = new((m, protocols, today) =>
        protocols.Any(p => p.MunicipalityId == m.Id && ProtocolQueries.Active.Holds(p, today)));

    private sealed record Row(int Id, string NisCode, string Name, bool Active, List<ProtocolTerm> Terms);

    /// <summary>Compiled once: every workspace request runs it, and EF Core then skips reading and looking up the query's shape.</summary>
    private static readonly PerEngine<Func<PnxDb, string, DateOnly, CancellationToken, Task<Row?>>> Query = new(() => EF.CompileAsyncQuery(
        QueryRules.Expand<Func<PnxDb, string, DateOnly, CancellationToken, Row?>>((db, nis, today, ct) => db.Municipalities.AsNoTracking()
            .Where(m => m.NisCode == nis)
            .Select(m => new Row(m.Id, m.NisCode, m.Name,
                HasActiveProtocol.Holds(m, db.Protocols, today),
                db.Protocols.Where(p => p.MunicipalityId == m.Id).Select(RetentionCutoff.TermOf).ToList()))
            .SingleOrDefault())));

    /// <summary>Called by the authorization handler once access is granted: from here on the workspace is fixed.</summary>
    public static void Grant(HttpContext http, WorkspaceMunicipality workspace, IEnumerable<ActiveGrant> grants) =>
        http.Features.Set(workspace with
        {
            Roles = grants.Where(g => g.MunicipalityNis == workspace.NisCode || (g.MunicipalityNis is null && g.Role.IsAgency()))
                .Select(g => g.Role).ToHashSet(),
        });
}
