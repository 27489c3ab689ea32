using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Data;

namespace Pnx.Access;

/// <summary>What is asked: a function profile in a municipality, or an agency role (then both ids are null).</summary>
public sealed record GrantScope(Role Role, int? MunicipalityId, int? FunctionProfileId);

/// <summary>
/// Requesting, approving, revoking and recertifying grants, for the CLI and the web alike. Each call
/// checks, changes and audits in one transaction. The rules are in README.md.
/// </summary>
public static class GrantRules
{
    public static async Task<AccessOutcome> RequestAsync(PnxDb db, TimeProvider time, string granteeId, GrantScope scope, string requesterId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await CheckActorAsync(db, requesterId, now, ct) is { } notAdmin) return notAdmin;
        if (await CheckGranteeAsync(db, granteeId, ct) is { } badGrantee) return badGrantee;
        if (await CheckProfileAsync(db, scope.FunctionProfileId, ct) is { } retired) return retired;
        var refusal = await CheckSegregationAsync(db, now, granteeId, scope, requesterId, approverId: null, exceptGrantId: null, ct);
        if (refusal is not null) return refusal;

        var grant = new Grant
        {
            UserId = granteeId,
            Role = scope.Role,
            MunicipalityId = scope.MunicipalityId,
            FunctionProfileId = scope.FunctionProfileId,
            RequestedById = requesterId,
            RequestedAt = now.UtcDateTime,
        };
        db.Grants.Add(grant);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db, time, requesterId, "grant.request", grant, ct);
        await transaction.CommitAsync(ct);
        return AccessOutcome.Done($"grant {grant.Id.ToString(CultureInfo.InvariantCulture)} requested; it takes effect when a second access administrator approves it", grant.Id);
    }

    public static async Task<AccessOutcome> ApproveAsync(PnxDb db, TimeProvider time, int grantId, string approverId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await CheckActorAsync(db, approverId, now, ct) is { } notAdmin) return notAdmin;
        var grant = await db.Grants.SingleOrDefaultAsync(g => g.Id == grantId, ct);
        if (grant is null) return NoSuchGrant(grantId);
        if (grant.StatusAt(now.UtcDateTime) != GrantStatus.Requested)
        {
            return AccessOutcome.Refused($"grant {grantId.ToString(CultureInfo.InvariantCulture)} is {grant.StatusAt(now.UtcDateTime).ToString().ToLowerInvariant()}, not awaiting approval");
        }

        if (await CheckGranteeAsync(db, grant.UserId, ct) is { } badGrantee) return badGrantee;
        if (await CheckProfileAsync(db, grant.FunctionProfileId, ct) is { } retired) return retired;
        var scope = new GrantScope(grant.Role, grant.MunicipalityId, grant.FunctionProfileId);
        var refusal = await CheckSegregationAsync(db, now, grant.UserId, scope, grant.RequestedById, approverId, grant.Id, ct);
        if (refusal is not null) return refusal;

        grant.ApprovedById = approverId;
        grant.ApprovedAt = now.UtcDateTime;
        grant.ExpiresAt = now.UtcDateTime.AddMonths(Grant.ValidityMonths);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db, time, approverId, "grant.approve", grant, ct);
        await transaction.CommitAsync(ct);
        return AccessOutcome.Done($"grant {grantId.ToString(CultureInfo.InvariantCulture)} approved; active until {Format(grant.ExpiresAt)}", grant.Id);
    }

    public static async Task<AccessOutcome> RevokeAsync(PnxDb db, TimeProvider time, int grantId, string revokerId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await CheckActorAsync(db, revokerId, now, ct) is { } notAdmin) return notAdmin;
        var grant = await db.Grants.SingleOrDefaultAsync(g => g.Id == grantId, ct);
        if (grant is null) return NoSuchGrant(grantId);
        if (grant.RevokedAt is not null) return AccessOutcome.Refused($"grant {grantId.ToString(CultureInfo.InvariantCulture)} is already revoked");

        grant.RevokedById = revokerId;
        grant.RevokedAt = now.UtcDateTime;
        await db.SaveChangesAsync(ct);
        await AuditAsync(db, time, revokerId, "grant.revoke", grant, ct);
        await transaction.CommitAsync(ct);
        return AccessOutcome.Done($"grant {grantId.ToString(CultureInfo.InvariantCulture)} revoked", grant.Id);
    }

    /// <summary>Extends an active grant by 12 months from now; the grantee cannot recertify their own grant.</summary>
    public static async Task<AccessOutcome> RecertifyAsync(PnxDb db, TimeProvider time, int grantId, string certifierId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await CheckActorAsync(db, certifierId, now, ct) is { } notAdmin) return notAdmin;
        var grant = await db.Grants.SingleOrDefaultAsync(g => g.Id == grantId, ct);
        if (grant is null) return NoSuchGrant(grantId);
        if (grant.UserId == certifierId) return AccessOutcome.Refused(SelfRefusal());
        var status = grant.StatusAt(now.UtcDateTime);
        if (status != GrantStatus.Active)
        {
            return AccessOutcome.Refused($"grant {grantId.ToString(CultureInfo.InvariantCulture)} is {status.ToString().ToLowerInvariant()}; only an active grant can be recertified (request a new one)");
        }

        grant.RecertifiedById = certifierId;
        grant.RecertifiedAt = now.UtcDateTime;
        grant.ExpiresAt = now.UtcDateTime.AddMonths(Grant.ValidityMonths);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db, time, certifierId, "grant.recertify", grant, ct);
        await transaction.CommitAsync(ct);
        return AccessOutcome.Done($"grant {grantId.ToString(CultureInfo.InvariantCulture)} recertified; active until {Format(grant.ExpiresAt)}", grant.Id);
    }

    internal static async Task<AccessOutcome?> CheckActorAsync(PnxDb db, string actorId, DateTimeOffset now, CancellationToken ct) =>
        await AccessQueries.IsActiveAccessAdministratorAsync(db, actorId, now, ct)
            ? null
            : AccessOutcome.Refused("refused: the acting user is not an active agency access administrator");

    internal static async Task<AccessOutcome?> CheckGranteeAsync(PnxDb db, string granteeId, CancellationToken ct)
    {
        var disabled = await db.Users.Where(u => u.Id == granteeId).Select(u => new { u.DisabledAt }).SingleOrDefaultAsync(ct);
        if (disabled is null) return AccessOutcome.Rejected("unknown user");
        return disabled.DisabledAt is null ? null : AccessOutcome.Refused("refused: the user's account is disabled");
    }

    public const string RetiredProfile = "refused: the function profile is retired";

    /// <summary>A profile the municipality retired (its register, art. 4) grants no new access.</summary>
    internal static async Task<AccessOutcome?> CheckProfileAsync(PnxDb db, int? profileId, CancellationToken ct) =>
        profileId is { } id && await db.FunctionProfiles.AnyAsync(p => p.Id == id && p.RetiredAt != null, ct)
            ? AccessOutcome.Refused(RetiredProfile)
            : null;

    internal static async Task<AccessOutcome?> CheckSegregationAsync(
        PnxDb db, DateTimeOffset now, string granteeId, GrantScope scope, string? requesterId, string? approverId, int? exceptGrantId, CancellationToken ct)
    {
        var others = await db.Grants.AsNoTracking()
            .Where(g => g.UserId == granteeId && g.Id != exceptGrantId)
            .Where(AccessQueries.IsActiveOrRequested(now.UtcDateTime))
            .Select(g => new HeldRole(g.Role, g.MunicipalityId))
            .ToListAsync(ct);
        var newGrant = new HeldRole(scope.Role, scope.MunicipalityId);
        var violated = SegregationRules.FirstViolated(new SegregationCase(granteeId, others, newGrant, requesterId, approverId));
        if (violated is not null) return AccessOutcome.Refused(SegregationRules.RefusalMessage(violated));
        return others.Contains(newGrant)
            ? AccessOutcome.Refused("refused: the user already holds or has requested this role here")
            : null;
    }

    internal static async Task AuditAsync(PnxDb db, TimeProvider time, string? actorId, string action, Grant grant, CancellationToken ct)
    {
        var nis = grant.MunicipalityId is null
            ? null
            : await db.Municipalities.Where(m => m.Id == grant.MunicipalityId).Select(m => m.NisCode).SingleAsync(ct);
        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"grant {grant.Id}; user {grant.UserId}; role {grant.Role.Slug()}; profile {grant.FunctionProfileId?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        await AuditTrail.AppendAsync(db, time, new AuditRecord(Actor(actorId), action, nis, [], AuditPurposes.Supervision, detail), ct);
    }

    /// <summary>Audit actors are ids only: the user an operator or a web session acts for.</summary>
    public static string Actor(string? userId) => userId is null ? "bootstrap" : "user:" + userId;

    private static string SelfRefusal() => SegregationRules.RefusalMessage(SegregationRules.All.Single(r => r.Id == "SOD-2"));

    private static AccessOutcome NoSuchGrant(int id) => AccessOutcome.Rejected($"grant {id.ToString(CultureInfo.InvariantCulture)} does not exist");

    internal static string Format(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "-";
}
