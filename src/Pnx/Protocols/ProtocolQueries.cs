using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Protocols;

/// <summary>The protocol gate (articles 5, 8, 12): outside an active protocol nothing is shared.</summary>
public static class ProtocolQueries
{
    /// <summary>
    /// THE definition of an active protocol (contract §3): start &lt;= day &lt;= end (shortened by a notice) and not
    /// terminated. Every query that asks whether a municipality may receive data uses this expression.
    /// </summary>
    public static Expression<Func<Protocol, bool>> ActiveOn(DateOnly day) => Active.For(day);

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
    public static bool IsActiveOn(Protocol protocol, DateOnly day) => Active.Holds(protocol, day);

    /// <summary>The rule itself, of a protocol and a day: <see cref="ActiveOn"/> for queries, <c>Active.Holds(p, day)</c> in compiled ones.</summary>
    public static readonly QueryRule<Protocol, DateOnly> Active =
        new((p, day) => p.TerminatedAt == null && p.StartDate <= day && p.EffectiveEndDate >= day);

    public static Task<bool> HasActiveProtocolAsync(this PnxDb db, int municipalityId, DateOnly day, CancellationToken ct) =>
        db.Protocols.Where(p => p.MunicipalityId == municipalityId).AnyAsync(ActiveOn(day), ct);
}
