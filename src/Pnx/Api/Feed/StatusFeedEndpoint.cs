using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Api.Clients;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Enrolments;

namespace Pnx.Api.Feed;

public sealed record StatusChangeItem(
    string Cursor, string Municipality, string DossierNumber, long EnrolmentId, int ActivityId, string Status, string? Reason, double? Hours, DateTime At);

public sealed record StatusChangePage(IReadOnlyList<StatusChangeItem> Items, string Next);

/// <summary>
/// `GET /api/v1/status-changes?after=CURSOR&amp;limit=N`: the back-flow, oldest first. Status changes are
/// inserted under the audit head lock in the transaction that writes them (<see cref="Enrolling"/>), so their
/// ids commit in increasing order: reading "id greater than the cursor" never skips a change committed later.
/// </summary>
public static class StatusFeedEndpoint
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static async Task<IResult> ReadAsync(HttpContext http, string? after, string? limit, PnxDb db, AuditLog audit, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        long afterId = 0;
        if (after is not null && !FeedCursor.TryDecode(after, out afterId))
            errors.Add(new FieldError(null, "after", "Not a cursor of this feed: pass back a `cursor` or `next` value exactly as received."));
        var take = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxLimit))
            errors.Add(new FieldError(null, "limit", $"Must be a whole number from 1 to {MaxLimit}."));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var rows = await db.EnrolmentStatusChanges.AsNoTracking()
            .Where(c => c.Id > afterId)
            .OrderBy(c => c.Id)
            .Take(take)
            .Select(c => new { c.Id, c.MunicipalityNis, c.DossierNumber, c.EnrolmentId, c.ActivityId, c.Status, c.Reason, c.Hours, c.At })
            .ToListAsync(ct);
        var items = rows.Select(c => new StatusChangeItem(FeedCursor.Encode(c.Id), c.MunicipalityNis, c.DossierNumber, c.EnrolmentId, c.ActivityId,
            c.Status.Word(), c.Reason?.Word(), c.Hours, DateTime.SpecifyKind(c.At, DateTimeKind.Utc))).ToList();
        var next = items.Count > 0 ? items[^1].Cursor : FeedCursor.Encode(afterId);
        await audit.RecordAsync(new AuditRecord(ApiCaller.Of(http)!.Actor, "api.status-changes.read", null,
            rows.Select(r => r.DossierNumber).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), AuditPurposes.Steering,
            string.Create(CultureInfo.InvariantCulture, $"{items.Count} status changes after {afterId}")), ct);
        return TypedResults.Ok(new StatusChangePage(items, next));
    }
}
