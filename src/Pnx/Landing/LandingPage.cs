using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Landing;

/// <summary>The public start page: municipalities, protocol state and counts. No personal data.</summary>
public static class LandingPage
{
    public static void Map(WebApplication app) => app.MapGet("/", RenderAsync);

    private static async Task<IResult> RenderAsync(PnxDb db, TimeProvider time, CancellationToken ct)
    {
        var today = BelgianTime.Today(time);
        var rows = await db.Municipalities.AsNoTracking()
            .OrderBy(m => m.NisCode)
            .Select(m => new
            {
                m.NisCode,
                m.Name,
                Active = db.Protocols.Any(p => p.MunicipalityId == m.Id && p.TerminatedAt == null && p.StartDate <= today && p.EndDate >= today),
                Newcomers = db.Newcomers.Count(n => n.MunicipalityId == m.Id && n.WithdrawnAt == null && n.ErasedAt == null),
            })
            .ToListAsync(ct);

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"nl-BE\"><head><meta charset=\"utf-8\"><title>ParticipationExchange</title></head><body><main>");
        html.Append("<h1>ParticipationExchange</h1><p>Gegevensdeling tussen het Agentschap Integratie en Inburgering en lokale besturen.</p>");
        html.Append("<table><caption>Gemeenten</caption><thead><tr><th scope=\"col\">NIS-code</th><th scope=\"col\">Gemeente</th><th scope=\"col\">Protocol</th><th scope=\"col\">Inburgeraars</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{row.NisCode}</td><td>{WebUtility.HtmlEncode(row.Name)}</td><td>{(row.Active ? "actief" : "niet actief")}</td><td>{row.Newcomers}</td></tr>");
        }

        html.Append("</tbody></table></main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
