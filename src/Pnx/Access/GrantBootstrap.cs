using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Access;

/// <summary>
/// The first access administrators. Four eyes needs two administrators besides any grantee, so
/// the very first two cannot be approved the normal way. While no administrator is active, the
/// operator may make one directly; while exactly one is active, that one (given as the actor) may
/// make a second. From two on, every grant goes through request and approval. Audited as
/// <c>grant.bootstrap</c>.
/// </summary>
public static class GrantBootstrap
{
    public static async Task<AccessOutcome> BootstrapAsync(PnxDb db, TimeProvider time, string granteeId, string? byId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var administrators = await db.Grants
            .Where(g => g.Role == Role.AgencyAccessAdministrator)
            .Where(AccessQueries.IsActive(now.UtcDateTime))
            .Select(g => g.UserId)
            .Distinct()
            .ToListAsync(ct);
        switch (administrators.Count)
        {
            case 0:
                byId = null;
                break;
            case 1 when byId is null:
                return AccessOutcome.Refused("refused: one access administrator exists; the second bootstrap must be done --by that administrator");
            case 1 when byId != administrators[0]:
                return AccessOutcome.Refused("refused: the acting user is not an active agency access administrator");
            case 1:
                break;
            default:
                return AccessOutcome.Refused("refused: bootstrap is only possible while fewer than two access administrators are active; use grant request and approve");
        }

        if (await GrantRules.CheckGranteeAsync(db, granteeId, ct) is { } badGrantee) return badGrantee;
        var scope = new GrantScope(Role.AgencyAccessAdministrator, null, null);
        var refusal = await GrantRules.CheckSegregationAsync(db, now, granteeId, scope, byId, approverId: null, exceptGrantId: null, ct);
        if (refusal is not null) return refusal;

        var grant = new Grant
        {
            UserId = granteeId,
            Role = Role.AgencyAccessAdministrator,
            RequestedById = byId,
            RequestedAt = now.UtcDateTime,
            ApprovedAt = now.UtcDateTime,
            ExpiresAt = now.UtcDateTime.AddMonths(Grant.ValidityMonths),
            IsBootstrap = true,
        };
        db.Grants.Add(grant);
        await db.SaveChangesAsync(ct);
        await GrantRules.AuditAsync(db, time, byId, "grant.bootstrap", grant, ct);
        await transaction.CommitAsync(ct);
        return AccessOutcome.Done(
            $"grant {grant.Id.ToString(CultureInfo.InvariantCulture)} created by bootstrap: agency access administrator until {GrantRules.Format(grant.ExpiresAt)}",
            grant.Id);
    }
}
