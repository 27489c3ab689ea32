using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pnx.Access;
using Pnx.Data;
using Pnx.Enrolments;
using Pnx.Matching;
using Pnx.Newcomers.Pages;
using Pnx.Hosting;

namespace Pnx.Benchmarks.Web;

/// <summary>
/// The ceiling the real pages are measured against (issue 10, point 6): the same page shapes over the same database
/// and EF Core model (a list of 50 current newcomers with their count; one newcomer's row; one newcomer's case file),
/// rendered as HTML by hand, with no sign-in, no authorisation, no audit, no middleware beyond routing.
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
        app.MapGet("/casefile/{municipality:int}/{id:long}", (int municipality, long id, CancellationToken ct) => CaseFileAsync(settings, municipality, id, ct));
        return app;
    }

    /// <summary>
    /// The real detail page's data, read the way a developer writes it first: the newcomer, their case worker, the
    /// enrolments with their history, the contact log, the activities usable here ranked by the same matcher (ten shown),
    /// and the municipality's case workers for the assignment's choice; plain LINQ, one query each, with the project's own
/// rules of a usable activity (<see cref="MatchingQueries.Usable"/>) and an active grant (<see cref="AccessQueries.IsActive"/>).
    /// </summary>
    private static async Task<IResult> CaseFileAsync(PnxSettings settings, int municipality, long id, CancellationToken ct)
    {
        await using var db = PnxDbFactory.Create(settings);
        var n = await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id && n.MunicipalityId == municipality && n.WithdrawnAt == null && n.ErasedAt == null, ct);
        if (n is null) return Results.NotFound();
        var assignee = await db.NewcomerAssignments.AsNoTracking().Where(a => a.NewcomerId == id)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { u.DisplayName, a.AssignedAt }).SingleOrDefaultAsync(ct);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.NewcomerId == id).OrderByDescending(e => e.CreatedAt)
            .Select(e => new
            {
                e.ActivityId, e.Activity!.Title, e.Status, e.Hours,
                History = db.EnrolmentStatusChanges.Where(c => c.EnrolmentId == e.Id).OrderBy(c => c.Id).Select(c => new { c.At, c.Status, c.Actor }).ToList(),
            }).ToListAsync(ct);
        var contacts = await db.ContactLog.AsNoTracking().Where(c => c.NewcomerId == id).OrderByDescending(c => c.At)
            .Select(c => new { c.At, c.Outcome, c.Note, c.Actor }).ToListAsync(ct);
        var activities = await MatchingQueries.Usable(db, municipality).AsNoTracking()
            .Select(a => new MatchActivity(a.Id, a.Title, a.MunicipalityId == municipality, a.Categories, a.Childcare, a.FamilyActivity, a.Free,
                a.MinimumDutchLevel, a.Languages, a.Capacity, db.Enrolments.Where(e => e.ActivityId == a.Id).Count(EnrolmentRules.TakingAPlace),
                a.From, a.To, a.DeactivatedAt != null))
            .ToListAsync(ct);
        var open = enrolments.Where(e => !EnrolmentRules.IsFinal(e.Status)).Select(e => e.ActivityId).ToHashSet();
        var matches = Matcher.Rank(MatchingQueries.Profile(n), activities.Where(a => !open.Contains(a.Id)), DateOnly.FromDateTime(DateTime.Today), LanguageNames.Name);
        var caseWorkers = await db.Grants.AsNoTracking().Where(AccessQueries.IsActive(DateTime.UtcNow))
            .Where(g => g.MunicipalityId == municipality && g.Role == Role.MunicipalCaseWorker)
            .Select(g => new { g.UserId, g.User.DisplayName }).Distinct().ToListAsync(ct);

        var html = new StringBuilder("<!doctype html><html lang=\"nl\"><head><title>Inburgeraar</title></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(n.GivenNames)} {E(n.FamilyName)} {E(n.DossierNumber)}</h1><dl>")
            .Append(CultureInfo.InvariantCulture, $"<dt>Adres</dt><dd>{E(n.Street)} {E(n.HouseNumber)} {E(n.Box)}, {E(n.PostalCode)} {E(n.City)}</dd>")
            .Append(CultureInfo.InvariantCulture, $"<dt>Telefoon</dt><dd>{E(n.Phone)}</dd><dt>E-mail</dt><dd>{E(n.Email)}</dd><dt>Taal</dt><dd>{E(n.ContactLanguage)}</dd>")
            .Append(CultureInfo.InvariantCulture, $"<dt>Niveau</dt><dd>{n.DutchLevel}</dd><dt>MO</dt><dd>{n.CivicOrientationStatus}</dd><dt>Interesses</dt><dd>{n.Interests}</dd>")
            .Append(CultureInfo.InvariantCulture, $"<dt>Toeleider</dt><dd>{E(assignee?.DisplayName)}</dd></dl><h2>Inschrijvingen</h2><ul>");
        foreach (var e in enrolments)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(e.Title)}: {e.Status} {e.Hours}<ol>");
            foreach (var c in e.History) html.Append(CultureInfo.InvariantCulture, $"<li>{c.At:u} {c.Status} {E(c.Actor)}</li>");
            html.Append("</ol></li>");
        }

        html.Append("</ul><h2>Aanbod</h2><ul>");
        foreach (var m in matches.Take(10)) html.Append(CultureInfo.InvariantCulture, $"<li>{E(m.Title)} ({m.Score}): {E(string.Join(", ", m.Reasons))}</li>");
        html.Append("</ul><h2>Contacten</h2><ul>");
        foreach (var c in contacts) html.Append(CultureInfo.InvariantCulture, $"<li>{c.At:u} {c.Outcome} {E(c.Note)} {E(c.Actor)}</li>");
        html.Append("</ul><h2>Toewijzen</h2><select>");
        foreach (var w in caseWorkers) html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(w.UserId)}\">{E(w.DisplayName)}</option>");
        return Results.Content(html.Append("</select></body></html>").ToString(), "text/html; charset=utf-8");
    }

    private static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");
}
