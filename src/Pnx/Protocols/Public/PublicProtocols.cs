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
        var all = await ProtocolQueries.WithStatusesAsync(db, BelgianTime.Today(time), ct);
        return all.OrderBy(x => x.Protocol.Municipality!.NisCode).ThenByDescending(x => x.Protocol.StartDate)
            .Select(x => new PublicProtocol(x.Protocol.Id, x.Protocol.Municipality!.NisCode, x.Protocol.Municipality.Name, x.Protocol.Reference,
                x.Protocol.StartDate, x.Protocol.EffectiveEndDate, x.Status.Word(), $"/protocollen/{x.Protocol.Id}"))
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
