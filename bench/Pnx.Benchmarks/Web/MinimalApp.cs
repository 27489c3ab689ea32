using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Benchmarks.Web;

/// <summary>
/// The ceiling the real pages are measured against (issue 10, point 6): the same two page shapes over the same database
/// and EF Core model (a list of 50 current newcomers with their count; one newcomer), rendered as HTML by hand,
/// with no sign-in, no authorisation, no audit, no middleware beyond routing.
/// </summary>
internal static class MinimalApp
{
    public static WebApplication Build(PnxSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/list/{municipality:int}", async (int municipality, CancellationToken ct) =>
        {
            await using var db = PnxDbFactory.Create(settings);
            var current = db.Newcomers.AsNoTracking().Where(n => n.MunicipalityId == municipality && n.WithdrawnAt == null && n.ErasedAt == null);
            var total = await current.CountAsync(ct);
            var rows = await current.OrderBy(n => n.DossierNumber).ThenBy(n => n.Id).Take(50)
                .Select(n => new { n.Id, n.DossierNumber, n.FamilyName, n.GivenNames, n.PostalCode, n.City, n.ContactLanguage, n.DutchLevel, n.CivicOrientationStatus })
                .ToListAsync(ct);
            var html = new StringBuilder("<!doctype html><html lang=\"nl\"><head><title>Inburgeraars</title></head><body><h1>Inburgeraars</h1>");
            html.Append(CultureInfo.InvariantCulture, $"<p>{total} inburgeraars</p><table>");
            foreach (var r in rows)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/detail/{r.Id}\">{E(r.DossierNumber)}</a></td><td>{E(r.FamilyName)}</td><td>{E(r.GivenNames)}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td>{E(r.PostalCode)} {E(r.City)}</td><td>{E(r.ContactLanguage)}</td><td>{r.DutchLevel}</td><td>{r.CivicOrientationStatus}</td></tr>");
            }

            return Results.Content(html.Append("</table></body></html>").ToString(), "text/html; charset=utf-8");
        });
        app.MapGet("/detail/{id:long}", async (long id, CancellationToken ct) =>
        {
            await using var db = PnxDbFactory.Create(settings);
            var n = await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id && n.WithdrawnAt == null && n.ErasedAt == null, ct);
            if (n is null) return Results.NotFound();
            var html = new StringBuilder("<!doctype html><html lang=\"nl\"><head><title>Inburgeraar</title></head><body>");
            html.Append(CultureInfo.InvariantCulture, $"<h1>{E(n.FamilyName)}, {E(n.GivenNames)}</h1><dl><dt>Dossier</dt><dd>{E(n.DossierNumber)}</dd>")
                .Append(CultureInfo.InvariantCulture, $"<dt>Adres</dt><dd>{E(n.Street)} {E(n.HouseNumber)} {E(n.Box)}, {E(n.PostalCode)} {E(n.City)}</dd>")
                .Append(CultureInfo.InvariantCulture, $"<dt>Telefoon</dt><dd>{E(n.Phone)}</dd><dt>E-mail</dt><dd>{E(n.Email)}</dd><dt>Taal</dt><dd>{E(n.ContactLanguage)}</dd>")
                .Append(CultureInfo.InvariantCulture, $"<dt>Niveau</dt><dd>{n.DutchLevel}</dd><dt>MO</dt><dd>{n.CivicOrientationStatus}</dd><dt>Interesses</dt><dd>{n.Interests}</dd></dl></body></html>");
            return Results.Content(html.ToString(), "text/html; charset=utf-8");
        });
        return app;
    }

    private static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");
}
