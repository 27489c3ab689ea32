using Microsoft.EntityFrameworkCore;
using Pnx.Api.Clients;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Matching;
using Pnx.Municipalities;
using Pnx.Newcomers;
using Pnx.Newcomers.Pages;

namespace Pnx.Api.Municipal;

public sealed record MatchItem(int ActivityId, string Title, int Score, IReadOnlyList<string> Reasons);

public sealed record MatchList(IReadOnlyList<MatchItem> Items);

/// <summary>`GET /api/v1/municipalities/{nis}/matches?dossierNumber=X`: the matcher of the pages, hard rules and all.</summary>
public static class MatchEndpoints
{
    public static async Task<IResult> ListAsync(HttpContext http, string? dossierNumber, PnxDb db, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        var workspace = WorkspaceMunicipality.Of(http);
        if (string.IsNullOrWhiteSpace(dossierNumber)) return ApiProblems.InvalidField("dossierNumber", "The query parameter dossierNumber is required.");
        var profile = await CurrentNewcomers.Of(db, workspace.Retention).AsNoTracking()
            .Where(n => n.DossierNumber == dossierNumber)
            .Select(n => new MatchProfile(n.Interests, n.DutchLevel, n.ContactLanguage))
            .SingleOrDefaultAsync(ct);
        if (profile is null) return ApiProblems.NotFound("No current newcomer with this dossier number in this municipality.");
        var activities = await MatchingQueries.ActivitiesAsync(db, workspace.Id, ct);
        var matches = Matcher.Rank(profile, activities, BelgianTime.Today(time), code => LanguageNames.Dutch(code));
        await audit.RecordAsync(new AuditRecord(ApiCaller.Of(http)!.Actor, "api.matches.read", workspace.NisCode, [dossierNumber], AuditPurposes.Steering,
            $"{matches.Count} matches"), ct);
        return TypedResults.Ok(new MatchList(matches.Select(m => new MatchItem(m.ActivityId, m.Title, m.Score, m.Reasons)).ToList()));
    }
}
