using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Protocols;

namespace Pnx.Landing;

/// <summary>The public start page: municipalities and protocol state. No personal data and no counts (small counts identify people).</summary>
[AllowAnonymous]
public sealed class IndexModel(PnxDb db, TimeProvider time) : PageModel
{
    public sealed record Row(string NisCode, string Name, DateOnly? ActiveUntil);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = BelgianTime.Today(time);
        Rows = await db.Municipalities.AsNoTracking()
            .OrderBy(m => m.NisCode)
            .Select(m => new Row(
                m.NisCode,
                m.Name,
                db.Protocols
                    .Where(p => p.MunicipalityId == m.Id).Where(ProtocolQueries.ActiveOn(today))
                    .Max(p => (DateOnly?)p.EffectiveEndDate)))
            .ToListAsync(ct);
    }
}
