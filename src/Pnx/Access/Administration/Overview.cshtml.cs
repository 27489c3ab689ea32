using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Access.Administration;

/// <summary>The access administrator's start: what awaits a second administrator and what lapses soon.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Web.WorkspacePolicies.AccessAdministration)]
public sealed class OverviewModel(PnxDb db, TimeProvider time) : AdministrationPageModel
{
    public const int DueWithinDays = 30;

    public IReadOnlyList<GrantRow> Pending { get; private set; } = [];

    public IReadOnlyList<GrantRow> Due { get; private set; } = [];

    public int Users { get; private set; }

    public int DisabledUsers { get; private set; }

    public int ActiveGrants { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var grants = await GrantList.ListAsync(db, now, ct: ct);
        Pending = grants.Where(g => g.Status == GrantStatus.Requested).ToList();
        ActiveGrants = grants.Count(g => g.Status == GrantStatus.Active);
        Due = await GrantList.ListAsync(db, now, dueWithinDays: DueWithinDays, ct: ct);
        Users = await db.Users.CountAsync(ct);
        DisabledUsers = await db.Users.CountAsync(u => u.DisabledAt != null, ct);
    }
}
