using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Municipalities;
using Pnx.Newcomers;

namespace Pnx.CaseWork;

/// <summary>A case worker of the municipality (an active case-worker grant there), as a choice for an assignment.</summary>
public sealed record CaseWorker(string UserId, string Name, string? Email)
{
    public string Label => StaffNames.Label(Name, Email);
}

/// <summary>Who is assigned to a newcomer, for the page.</summary>
public sealed record AssignmentLine(string UserId, string Who, DateTime AssignedAt);

/// <summary>
/// The case worker responsible for a newcomer ("mijn inburgeraars"): assign to oneself, to a colleague with an
/// active case-worker grant in this municipality, or to nobody. Audited with the user id, never a name.
/// </summary>
public static class Assignments
{
    /// <summary>The case workers with an active grant in this municipality, by name.</summary>
    public static async Task<IReadOnlyList<CaseWorker>> CaseWorkersAsync(PnxDb db, TimeProvider time, int municipalityId, CancellationToken ct)
    {
        var rows = await CaseWorkersOf.For(db)(db, municipalityId, time.GetUtcNow().UtcDateTime).ToListAsync(ct);
        return rows.Select(r => new CaseWorker(r.UserId, r.DisplayName, r.Email))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.UserId, StringComparer.Ordinal).ToList();
    }

    private sealed record CaseWorkerRow(string UserId, string DisplayName, string? Email);

    /// <summary>Compiled once: every view of a newcomer runs it (the choices of the assignment form).</summary>
    private static readonly PerEngine<Func<PnxDb, int, DateTime, IAsyncEnumerable<CaseWorkerRow>>> CaseWorkersOf = new(() => EF.CompileAsyncQuery(
        QueryRules.Expand<Func<PnxDb, int, DateTime, IQueryable<CaseWorkerRow>>>((db, municipalityId, utcNow) => db.Grants.AsNoTracking()
            .Where(g => AccessQueries.Active.Holds(g, utcNow) && g.Role == Role.MunicipalCaseWorker && g.MunicipalityId == municipalityId)
            .Select(g => new CaseWorkerRow(g.UserId, g.User.DisplayName, g.User.Email))
            .Distinct())));

    /// <summary>Assigns the newcomer to <paramref name="userId"/>, or to nobody when it is null.</summary>
    public static async Task<CaseWorkOutcome> AssignAsync(
        PnxDb db, TimeProvider time, WorkspaceMunicipality workspace, long newcomerId, string? userId, string actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RowLocks.NewcomerAsync(db, newcomerId, ct);
        var dossier = await CurrentNewcomers.Of(db, workspace.Retention).Where(n => n.Id == newcomerId).Select(n => n.DossierNumber).SingleOrDefaultAsync(ct);
        if (dossier is null) return CaseWorkOutcome.NotFound;
        if (userId is not null && !(await CaseWorkersAsync(db, time, workspace.Id, ct)).Any(c => c.UserId == userId))
        {
            return CaseWorkOutcome.Refused("deze persoon is geen toeleider met actieve toegang in deze gemeente");
        }

        var existing = await db.NewcomerAssignments.SingleOrDefaultAsync(a => a.NewcomerId == newcomerId, ct);
        if (existing?.UserId == userId) return CaseWorkOutcome.Done;
        var now = time.GetUtcNow().UtcDateTime;
        if (userId is null)
        {
            db.NewcomerAssignments.Remove(existing!);
        }
        else if (existing is null)
        {
            db.NewcomerAssignments.Add(new NewcomerAssignment { NewcomerId = newcomerId, MunicipalityId = workspace.Id, UserId = userId, AssignedAt = now });
        }
        else
        {
            existing.UserId = userId;
            existing.AssignedAt = now;
        }

        await AuditTrail.AppendAsync(db, time, new AuditRecord(actor, userId is null ? "assignment.clear" : "assignment.set", workspace.NisCode, [dossier],
            AuditPurposes.Steering, userId is null ? "assigned to nobody" : "assigned to " + StaffNames.UserPrefix + userId), ct);
        await transaction.CommitAsync(ct);
        return CaseWorkOutcome.Done;
    }
}
