using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Municipalities;

/// <summary>The municipality named by a workspace route's {nis}, resolved once so every query can filter on its id.</summary>
public sealed record WorkspaceMunicipality(int Id, string NisCode, string Name)
{
    public static Task<WorkspaceMunicipality?> FindAsync(PnxDb db, string nis, CancellationToken ct) =>
        db.Municipalities.AsNoTracking()
            .Where(m => m.NisCode == nis)
            .Select(m => new WorkspaceMunicipality(m.Id, m.NisCode, m.Name))
            .SingleOrDefaultAsync(ct);

    /// <summary>The audit actor of a signed-in web user.</summary>
    public static string Actor(ClaimsPrincipal user) => "user:" + (user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous");
}
