using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pnx.Api.Clients;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Enrolments;
using Pnx.Municipalities;
using Pnx.Newcomers;

namespace Pnx.Api.Municipal;

public sealed record EnrolmentView(
    long Id, string DossierNumber, int ActivityId, string Status, string? Reason, double? Hours, double? ConfirmedHours,
    DateTime CreatedAt, DateTime StatusAt, int Version);

public sealed record EnrolmentCreateRequest(string DossierNumber, int ActivityId);

public sealed record EnrolmentStatusRequest(string Status, string? Reason, double? Hours);

/// <summary>
/// Enrolments through <see cref="Enrolling"/>, the one write path of pages and sheet: created as voorgesteld,
/// then moved along the status order with optimistic concurrency (the version is the ETag; If-Match is required).
/// </summary>
public static class EnrolmentEndpoints
{
    private static readonly HashSet<string> CreateMembers = ["dossierNumber", "activityId"];
    private static readonly HashSet<string> StatusMembers = ["status", "reason", "hours"];

    public static async Task<IResult> CreateAsync(HttpContext http, PnxDb db, TimeProvider time, CancellationToken ct)
    {
        var workspace = WorkspaceMunicipality.Of(http);
        var (document, problem) = await ApiJson.ReadObjectAsync(http.Request, ct);
        if (document is null) return problem!;
        using var _ = document;
        var body = document.RootElement;
        var errors = new List<FieldError>();
        ApiJson.RefuseUnknownMembers(body, CreateMembers, null, errors);
        var dossier = ApiJson.Text(body, "dossierNumber", null, errors);
        if (dossier is null && !errors.Any(e => e.Field == "dossierNumber")) errors.Add(new FieldError(null, "dossierNumber", "Required."));
        int? activityId = null;
        if (!body.TryGetProperty("activityId", out var activity)) errors.Add(new FieldError(null, "activityId", "Required."));
        else if (activity.ValueKind != JsonValueKind.Number || !activity.TryGetInt32(out var id)) errors.Add(new FieldError(null, "activityId", "Must be an integer."));
        else activityId = id;
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var newcomerId = await CurrentNewcomers.Of(db, workspace.Retention).Where(n => n.DossierNumber == dossier).Select(n => (long?)n.Id).SingleOrDefaultAsync(ct);
        if (newcomerId is null) return ApiProblems.NotFound("No current newcomer with this dossier number in this municipality.");
        var outcome = await Enrolling.ProposeAsync(db, time, workspace, newcomerId.Value, activityId!.Value, ApiCaller.Of(http)!.Actor, ct);
        return outcome.Kind switch
        {
            EnrolmentOutcomeKind.Done => Created(http, workspace, outcome.Enrolment!, dossier!),
            EnrolmentOutcomeKind.NotFound => ApiProblems.NotFound("No such activity usable by this municipality."),
            EnrolmentOutcomeKind.Refused => Refused(outcome),
            EnrolmentOutcomeKind.Stale => ApiProblems.Problem(StatusCodes.Status412PreconditionFailed, "The enrolment changed meanwhile."),
        };
    }

    public static async Task<IResult> GetAsync(HttpContext http, long id, PnxDb db, AuditLog audit, CancellationToken ct)
    {
        var workspace = WorkspaceMunicipality.Of(http);
        var view = await FindAsync(db, workspace, id, ct);
        if (view is null) return ApiProblems.NotFound("No such enrolment in this municipality.");
        await audit.RecordAsync(new AuditRecord(ApiCaller.Of(http)!.Actor, "api.enrolment.read", workspace.NisCode, [view.DossierNumber],
            AuditPurposes.Steering, $"enrolment {id}"), ct);
        http.Response.Headers.ETag = ETag(view.Version);
        return TypedResults.Ok(view);
    }

    public static async Task<IResult> ChangeStatusAsync(HttpContext http, long id, PnxDb db, TimeProvider time, CancellationToken ct)
    {
        var workspace = WorkspaceMunicipality.Of(http);
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0)
            return ApiProblems.Problem(StatusCodes.Status428PreconditionRequired, "Send If-Match with the enrolment's ETag: changes without it could overwrite someone else's.");
        if (ParseETag(ifMatch) is not { } expected)
            return ApiProblems.Problem(StatusCodes.Status428PreconditionRequired, "If-Match must hold one ETag of this enrolment, as GET returned it (\"*\" is not accepted).");

        var (document, problem) = await ApiJson.ReadObjectAsync(http.Request, ct);
        if (document is null) return problem!;
        using var _ = document;
        var body = document.RootElement;
        var errors = new List<FieldError>();
        ApiJson.RefuseUnknownMembers(body, StatusMembers, null, errors);
        var statusText = ApiJson.Text(body, "status", null, errors);
        EnrolmentStatus status = default;
        if (statusText is null) { if (!errors.Any(e => e.Field == "status")) errors.Add(new FieldError(null, "status", "Required.")); }
        else if (!EnrolmentWords.TryParseStatus(statusText, out status)) errors.Add(new FieldError(null, "status", "Must be one of: " + EnrolmentWords.StatusList + "."));
        StopReason? reason = null;
        if (ApiJson.Text(body, "reason", null, errors) is { } reasonText)
        {
            if (EnrolmentWords.TryParseReason(reasonText, out var r)) reason = r;
            else errors.Add(new FieldError(null, "reason", "Must be one of: " + EnrolmentWords.ReasonList + "."));
        }

        double? hours = null;
        if (body.TryGetProperty("hours", out var h) && h.ValueKind != JsonValueKind.Null)
        {
            if (h.ValueKind == JsonValueKind.Number && h.TryGetDouble(out var value)) hours = value;
            else errors.Add(new FieldError(null, "hours", "Must be a number."));
        }

        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var outcome = await Enrolling.ChangeAsync(db, time, workspace, id, expected, status, reason, hours, ApiCaller.Of(http)!.Actor, ct);
        switch (outcome.Kind)
        {
            case EnrolmentOutcomeKind.Done:
                var view = await FindAsync(db, workspace, id, ct);
                http.Response.Headers.ETag = ETag(view!.Version);
                return TypedResults.Ok(view);
            case EnrolmentOutcomeKind.NotFound:
                return ApiProblems.NotFound("No such enrolment in this municipality.");
            case EnrolmentOutcomeKind.Stale:
                return ApiProblems.Problem(StatusCodes.Status412PreconditionFailed, "The ETag is stale: the enrolment changed meanwhile. GET it again and retry.");
            case EnrolmentOutcomeKind.Refused:
            default:
                return Refused(outcome);
        }
    }

    private static ProblemHttpResult Refused(EnrolmentOutcome outcome) =>
        ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "The rules of the status order or of matching forbid this change.",
            new Dictionary<string, object?> { ["reason"] = outcome.Message });

    private static Created<EnrolmentView> Created(HttpContext http, WorkspaceMunicipality workspace, Enrolment enrolment, string dossier)
    {
        http.Response.Headers.ETag = ETag(enrolment.Version);
        var view = new EnrolmentView(enrolment.Id, dossier, enrolment.ActivityId, enrolment.Status.Word(), enrolment.Reason?.Word(), enrolment.Hours,
            enrolment.ConfirmedHours, enrolment.CreatedAt, enrolment.StatusAt, enrolment.Version);
        return TypedResults.Created(string.Create(CultureInfo.InvariantCulture, $"/api/v1/municipalities/{workspace.NisCode}/enrolments/{enrolment.Id}"), view);
    }

    private static async Task<EnrolmentView?> FindAsync(PnxDb db, WorkspaceMunicipality workspace, long id, CancellationToken ct)
    {
        var row = await db.Enrolments.AsNoTracking()
            .Where(e => e.Id == id && e.MunicipalityId == workspace.Id && e.Newcomer!.WithdrawnAt == null && e.Newcomer.ErasedAt == null)
            .Select(e => new { e.Id, e.Newcomer!.DossierNumber, e.ActivityId, e.Status, e.Reason, e.Hours, e.ConfirmedHours, e.CreatedAt, e.StatusAt, e.Version })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : new EnrolmentView(row.Id, row.DossierNumber, row.ActivityId, row.Status.Word(), row.Reason?.Word(), row.Hours,
            row.ConfirmedHours, row.CreatedAt, row.StatusAt, row.Version);
    }

    public static string ETag(int version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>The version in one entity tag (<c>"3"</c> or <c>W/"3"</c>); null for "*", lists or anything else.</summary>
    public static int? ParseETag(string header)
    {
        var tag = header.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal)) tag = tag[2..];
        if (tag.Length < 3 || tag[0] != '"' || tag[^1] != '"') return null;
        return int.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }
}
