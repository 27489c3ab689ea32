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
    private static readonly CultureInfo Belgian = CultureInfo.GetCultureInfo("nl-BE");

    public static void Map(WebApplication app)
    {
        LandingStylesheet.Map(app);
        app.MapGet("/", RenderAsync);
    }

    private static async Task<IResult> RenderAsync(PnxDb db, TimeProvider time, CancellationToken ct)
    {
        var today = BelgianTime.Today(time);
        var rows = await db.Municipalities.AsNoTracking()
            .OrderBy(m => m.NisCode)
            .Select(m => new
            {
                m.NisCode,
                m.Name,
                ActiveUntil = db.Protocols
                    .Where(p => p.MunicipalityId == m.Id && p.TerminatedAt == null && p.StartDate <= today && p.EndDate >= today)
                    .Max(p => (DateOnly?)p.EndDate),
                Newcomers = db.Newcomers.Count(n => n.MunicipalityId == m.Id && n.WithdrawnAt == null && n.ErasedAt == null),
            })
            .ToListAsync(ct);

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"nl-BE\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>ParticipationExchange</title>")
            .Append(CultureInfo.InvariantCulture, $"<link rel=\"stylesheet\" href=\"{LandingStylesheet.Path}\"></head><body>")
            .Append("<header class=\"top\"><div class=\"brand\">ParticipationExchange</div>")
            .Append("<p>Agentschap Integratie en Inburgering &middot; lokale besturen</p></header><main>")
            .Append("<h1>Gegevensdeling voor het participatie- en netwerktraject</h1>")
            .Append("<p class=\"lead\">Het Agentschap Integratie en Inburgering deelt met elk lokaal bestuur, volgens een protocol, ")
            .Append("een beperkte set gegevens van inburgeraars om hen toe te leiden naar participatieactiviteiten. ")
            .Append("Buiten een actief protocol worden geen gegevens gedeeld.</p>")
            .Append("<table><caption>Gemeenten en protocollen</caption><thead><tr>")
            .Append("<th scope=\"col\">NIS-code</th><th scope=\"col\">Gemeente</th><th scope=\"col\">Protocol</th>")
            .Append("<th scope=\"col\" class=\"num\">Inburgeraars</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            var status = row.ActiveUntil is { } until
                ? $"<span class=\"status active\">actief tot {until.ToString("d MMMM yyyy", Belgian)}</span>"
                : "<span class=\"status inactive\">geen actief protocol</span>";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(row.NisCode)}</td><td>{WebUtility.HtmlEncode(row.Name)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{status}</td><td class=\"num\">{row.Newcomers.ToString("N0", Belgian)}</td></tr>");
        }

        if (rows.Count == 0)
        {
            html.Append("<tr><td colspan=\"4\" class=\"empty\">Nog geen gemeenten geregistreerd.</td></tr>");
        }

        html.Append("</tbody></table></main>")
            .Append("<footer>Deze pagina is publiek en toont geen persoonsgegevens: alleen gemeenten, de status van hun protocol en aantallen.</footer>")
            .Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
