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
    public static Expression<Func<Protocol, bool>> ActiveOn(DateOnly day) =>
        p => p.TerminatedAt == null && p.StartDate <= day && p.EffectiveEndDate >= day;

    public static Task<bool> HasActiveProtocolAsync(this PnxDb db, int municipalityId, DateOnly day, CancellationToken ct) =>
        db.Protocols.Where(p => p.MunicipalityId == municipalityId).AnyAsync(ActiveOn(day), ct);

    public static Task<bool> HasActiveProtocolAsync(this PnxDb db, string nisCode, DateOnly day, CancellationToken ct) =>
        db.Protocols.Where(p => p.Municipality!.NisCode == nisCode).AnyAsync(ActiveOn(day), ct);
}
