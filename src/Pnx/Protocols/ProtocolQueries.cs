using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Pnx.Data;

namespace Pnx.Protocols;

/// <summary>The protocol gate (articles 5, 8, 12): outside an active protocol nothing is shared.</summary>
public static class ProtocolQueries
{
    /// <summary>
    /// THE definition of an active protocol (contract §3): start &lt;= day &lt;= end (shortened by a notice) and not
    /// terminated. Every query that asks whether a municipality may receive data uses this expression.
    /// </summary>
    public static Expression<Func<Protocol, bool>> ActiveOn(DateOnly day) =>
        Expression.Lambda<Func<Protocol, bool>>(
            ReplacingExpressionVisitor.Replace(Rule.Parameters[1], Expression.Constant(day), Rule.Body), Rule.Parameters[0]);

    /// <summary>
    /// Every protocol with its municipality and its status on <paramref name="day"/> (judged against the other protocols of the
    /// same municipality), in one query that leaves the published texts in the database.
    /// </summary>
    public static async Task<IReadOnlyList<(Protocol Protocol, ProtocolStatus Status)>> WithStatusesAsync(PnxDb db, DateOnly day, CancellationToken ct)
    {
        var all = await db.Protocols.AsNoTracking().Select(p => new Protocol
        {
            Id = p.Id, MunicipalityId = p.MunicipalityId, Municipality = p.Municipality, Reference = p.Reference, StartDate = p.StartDate,
            EndDate = p.EndDate, NoticeGivenOn = p.NoticeGivenOn, EffectiveEndDate = p.EffectiveEndDate, TerminatedAt = p.TerminatedAt,
            TerminationReason = p.TerminationReason,
        }).ToListAsync(ct);
        var statuses = ProtocolStatuses.Of(all, day);
        return all.Select(p => (p, statuses[p.Id])).ToList();
    }

    /// <summary>The same rule for a loaded record, compiled once.</summary>
    public static bool IsActiveOn(Protocol protocol, DateOnly day) => CompiledRule(protocol, day);

    private static readonly Expression<Func<Protocol, DateOnly, bool>> Rule =
        (p, day) => p.TerminatedAt == null && p.StartDate <= day && p.EffectiveEndDate >= day;

    private static readonly Func<Protocol, DateOnly, bool> CompiledRule = Rule.Compile();

    public static Task<bool> HasActiveProtocolAsync(this PnxDb db, int municipalityId, DateOnly day, CancellationToken ct) =>
        db.Protocols.Where(p => p.MunicipalityId == municipalityId).AnyAsync(ActiveOn(day), ct);
}
