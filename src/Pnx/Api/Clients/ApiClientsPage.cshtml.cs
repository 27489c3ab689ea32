using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Access.Administration;
using Pnx.Data;
using static Pnx.Hosting.UiText;

namespace Pnx.Api.Clients;

/// <summary>
/// The access administrator's view of API clients (contract §8): register one (the secret is shown once, on the
/// answer to the POST, never again), revoke one, see them all. The same code as `pnx api-client`.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Access.Web.WorkspacePolicies.AccessAdministration)]
public sealed class ApiClientsPageModel(PnxDb db, TimeProvider time) : AdministrationPageModel
{
    public sealed record MunicipalityOption(string Nis, string Name);

    public IReadOnlyList<ApiClientRow> Clients { get; private set; } = [];

    public IReadOnlyList<MunicipalityOption> Municipalities { get; private set; } = [];

    /// <summary>Set only on the answer to a successful registration.</summary>
    public NewApiClient? Created { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? name, string? scope, int? rateLimit, CancellationToken ct)
    {
        var nis = scope is null or "agency" ? null : scope;
        var (client, error) = await ApiClients.AddAsync(db, time, name ?? "", nis, rateLimit, GrantRules.Actor(ActorId), ct);
        Created = client;
        Error = error is null ? null : T("De client is niet geregistreerd: ") + error;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? id, CancellationToken ct)
    {
        var error = await ApiClients.RevokeAsync(db, time, id ?? "", GrantRules.Actor(ActorId), ct);
        return Report(error is null ? AccessOutcome.Done("revoked") : AccessOutcome.Refused(error), T("De API-client is ingetrokken."));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Clients = await ApiClients.ListAsync(db, ct);
        Municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.NisCode).Select(m => new MunicipalityOption(m.NisCode, m.Name)).ToListAsync(ct);
    }
}
