using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Data;

namespace Pnx.Protocols;

/// <summary>A protocol that ends soon, or a municipality whose list is overdue, as shown on the start page.</summary>
public sealed record ProtocolWarning(string Nis, string Municipality, DateOnly Ends, int DaysLeft, int Threshold);

/// <summary>
/// What the people responsible must hear without asking: protocols ending within 60, 30 or 7 days (art. 12; the
/// agency's access administrators and the municipality's DPO), and municipalities whose last import is more than
/// 31 days old (the agency must supply the list at least monthly; its data stewards).
/// </summary>
public static class ProtocolWarnings
{
    public static readonly int[] Thresholds = [7, 30, 60];

    public const int ImportOverdueDays = 31;

    public static async Task<IReadOnlyList<ProtocolWarning>> EndingAsync(PnxDb db, IReadOnlyList<ActiveGrant> grants, DateOnly today, CancellationToken ct)
    {
        var all = grants.Any(g => g.Role == Role.AgencyAccessAdministrator);
        var own = grants.Where(g => g.Role == Role.MunicipalDpo && g.MunicipalityNis is not null).Select(g => g.MunicipalityNis!).ToHashSet();
        if (!all && own.Count == 0) return [];
        var withStatuses = await ProtocolQueries.WithStatusesAsync(db, today, ct);
        var protocols = withStatuses.Select(x => x.Protocol).ToList();
        return withStatuses
            .Where(x => x.Status is ProtocolStatus.Active or ProtocolStatus.Notice && (all || own.Contains(x.Protocol.Municipality!.NisCode)))
            .Select(x => x.Protocol)
            // A successor that starts right after the end means nothing ends for the municipality.
            .Where(p => !protocols.Any(q => q.MunicipalityId == p.MunicipalityId && q.Id != p.Id && q.TerminatedAt == null && q.StartDate > p.StartDate && q.StartDate <= p.EffectiveEndDate.AddDays(1)))
            .Select(p => (Protocol: p, Days: p.EffectiveEndDate.DayNumber - today.DayNumber))
            .Where(x => x.Days <= Thresholds[^1])
            .Select(x => new ProtocolWarning(x.Protocol.Municipality!.NisCode, x.Protocol.Municipality.Name, x.Protocol.EffectiveEndDate, x.Days,
                Thresholds.First(t => x.Days <= t)))
            .OrderBy(w => w.DaysLeft).ToList();
    }

    /// <summary>Municipalities with an active protocol whose last import is more than 31 days old (or that never had one).</summary>
    public static async Task<IReadOnlyList<(string Nis, string Name, DateTime? LastImport)>> ImportsOverdueAsync(PnxDb db, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var active = await db.Municipalities.AsNoTracking()
            .Where(m => db.Protocols.Where(p => p.MunicipalityId == m.Id).Any(ProtocolQueries.ActiveOn(today)))
            .Select(m => new { m.NisCode, m.Name, Last = db.AuditEntries.Where(e => e.Municipality == m.NisCode && (e.Action == "import" || e.Action == "demo.seed")).Max(e => (DateTime?)e.At) })
            .ToListAsync(ct);
        var limit = now.UtcDateTime.AddDays(-ImportOverdueDays);
        return active.Where(m => m.Last is null || m.Last < limit).Select(m => (m.NisCode, m.Name, m.Last)).OrderBy(m => m.NisCode).ToList();
    }
}
