using Microsoft.EntityFrameworkCore;
using Pnx.Api.Clients;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Matching;
using Pnx.Municipalities;
using Pnx.Newcomers;

namespace Pnx.Api.Municipal;

public sealed record ActivityItem(
    int Id, string Municipality, string Title, string Organiser, IReadOnlyList<string> Categories, bool Childcare, bool FamilyActivity, bool Free,
    string MinimumDutchLevel, IReadOnlyList<string> Languages, int? Capacity, double? Hours, DateOnly? From, DateOnly? To,
    IReadOnlyList<string> SharedWith, bool Active);

public sealed record ActivityList(IReadOnlyList<ActivityItem> Items);

/// <summary>`GET /api/v1/municipalities/{nis}/activities`: the municipality's own activities and those shared with it.</summary>
public static class ActivityEndpoints
{
    public static async Task<IResult> ListAsync(HttpContext http, PnxDb db, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        var workspace = WorkspaceMunicipality.Of(http);
        var today = Hosting.BelgianTime.Today(time);
        var rows = await MatchingQueries.Usable(db, workspace.Id).AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id, Nis = a.Municipality!.NisCode, a.Title, a.Organiser, a.Categories, a.Childcare, a.FamilyActivity, a.Free,
                a.MinimumDutchLevel, a.Languages, a.Capacity, a.Hours, a.From, a.To, a.DeactivatedAt,
                Shared = a.SharedWith.Select(s => s.Municipality!.NisCode).ToList(),
            })
            .ToListAsync(ct);
        var items = rows.Select(a => new ActivityItem(
            a.Id, a.Nis, a.Title, a.Organiser,
            NewcomerLabels.Interests.Where(i => (a.Categories & i.Value) != 0).Select(i => i.Label).ToList(),
            a.Childcare, a.FamilyActivity, a.Free, a.MinimumDutchLevel.Label(),
            (a.Languages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
            a.Capacity, a.Hours, a.From, a.To, a.Shared.Order(StringComparer.Ordinal).ToList(),
            a.DeactivatedAt is null && (a.From is null || a.From <= today) && (a.To is null || today <= a.To))).ToList();
        await audit.RecordAsync(new AuditRecord(ApiCaller.Of(http)!.Actor, "api.activities.read", workspace.NisCode, [], AuditPurposes.Steering,
            $"{items.Count} activities"), ct);
        return TypedResults.Ok(new ActivityList(items));
    }
}
