using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Protocols;

/// <summary>The protocol gate (articles 5, 8, 12): outside an active protocol nothing is shared.</summary>
public static class ProtocolQueries
{
    public static Task<bool> HasActiveProtocolAsync(this PnxDb db, int municipalityId, DateOnly day, CancellationToken ct) =>
        db.Protocols.AnyAsync(p => p.MunicipalityId == municipalityId && p.TerminatedAt == null && p.StartDate <= day && p.EndDate >= day, ct);

    public static Task<bool> HasActiveProtocolAsync(this PnxDb db, string nisCode, DateOnly day, CancellationToken ct) =>
        db.Protocols.AnyAsync(p => p.Municipality!.NisCode == nisCode && p.TerminatedAt == null && p.StartDate <= day && p.EndDate >= day, ct);
}
