using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Protocols.Public;

/// <summary>One protocol as the public sees it (art. 10, contract §10): no personal data and no counts.</summary>
public sealed record PublicProtocol(int Id, string Nis, string Municipality, string? Reference, DateOnly Start, DateOnly End, string Status, string TextUrl);

/// <summary>The transparency list, shared by the HTML page and the JSON document.</summary>
public static class PublicProtocols
{
    public static async Task<IReadOnlyList<PublicProtocol>> ListAsync(PnxDb db, TimeProvider time, CancellationToken ct)
    {
        var all = await db.Protocols.AsNoTracking().Include(p => p.Municipality).ToListAsync(ct);
        var statuses = ProtocolStatuses.Of(all, BelgianTime.Today(time));
        return all.OrderBy(p => p.Municipality!.NisCode).ThenByDescending(p => p.StartDate)
            .Select(p => new PublicProtocol(p.Id, p.Municipality!.NisCode, p.Municipality.Name, p.Reference, p.StartDate, p.EffectiveEndDate,
                statuses[p.Id].Word(), $"/protocollen/{p.Id}"))
            .ToList();
    }

    /// <summary>GET /protocollen.json, without sign-in.</summary>
    public static void Map(WebApplication app) =>
        app.MapGet("/protocollen.json", async (PnxDb db, TimeProvider time, CancellationToken ct) =>
            Results.Json(new
            {
                protocols = (await ListAsync(db, time, ct)).Select(p => new
                {
                    id = p.Id, municipality = new { nis = p.Nis, name = p.Municipality }, reference = p.Reference,
                    start = p.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    end = p.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    status = p.Status, text = p.TextUrl,
                }),
            }))
        .AllowAnonymous();
}
