using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Data;

namespace Pnx.Protocols;

/// <summary>The result of a change to the protocol registry; expected failures are values.</summary>
public sealed record ProtocolOutcome(bool Succeeded, string Message, Protocol? Protocol = null, bool NotFound = false);

/// <summary>
/// Every change to a protocol goes through here, for the CLI and the browser alike: the record, a kept version
/// and an audit entry in one transaction.
/// </summary>
public static class ProtocolRegistry
{
    public static async Task<ProtocolOutcome> AddAsync(PnxDb db, TimeProvider time, Protocol protocol, string actor, CancellationToken ct)
    {
        if (Validate(protocol) is { } problem) return new ProtocolOutcome(false, problem);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        protocol.CreatedAt = now;
        protocol.UpdatedAt = now;
        protocol.EffectiveEndDate = protocol.EndDate;
        db.Protocols.Add(protocol);
        await db.SaveChangesAsync(ct);
        await KeepAsync(db, time, protocol, actor, "protocol.add", $"recorded, {protocol.StartDate:yyyy-MM-dd}..{protocol.EndDate:yyyy-MM-dd}", ct);
        await transaction.CommitAsync(ct);
        return new ProtocolOutcome(true, "recorded", protocol);
    }

    /// <summary>Changes the recorded fields (not notice or termination, which have their own verbs).</summary>
    public static async Task<ProtocolOutcome> UpdateAsync(PnxDb db, TimeProvider time, int id, Action<Protocol> change, string actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var protocol = await db.Protocols.Include(p => p.Municipality).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (protocol is null) return new ProtocolOutcome(false, $"no protocol with id {id}", NotFound: true);
        change(protocol);
        if (Validate(protocol) is { } problem) return new ProtocolOutcome(false, problem);
        protocol.EffectiveEndDate = protocol.NoticeGivenOn is { } notice ? ProtocolStatuses.EndAfterNotice(protocol.EndDate, notice) : protocol.EndDate;
        protocol.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await KeepAsync(db, time, protocol, actor, "protocol.update", "fields changed", ct);
        await transaction.CommitAsync(ct);
        return new ProtocolOutcome(true, "changed", protocol);
    }

    /// <summary>Notice given on <paramref name="day"/> (art. 12): it ends three months later, or at its end if sooner.</summary>
    public static async Task<ProtocolOutcome> GiveNoticeAsync(PnxDb db, TimeProvider time, int id, DateOnly day, string actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var protocol = await db.Protocols.Include(p => p.Municipality).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (protocol is null) return new ProtocolOutcome(false, $"no protocol with id {id}", NotFound: true);
        if (protocol.TerminatedAt is not null) return new ProtocolOutcome(false, "the protocol was terminated; notice no longer applies");
        if (protocol.NoticeGivenOn is not null) return new ProtocolOutcome(false, $"notice was already given on {protocol.NoticeGivenOn:yyyy-MM-dd}");
        if (day < protocol.StartDate || day > protocol.EndDate) return new ProtocolOutcome(false, "the notice date lies outside the protocol's term");
        protocol.NoticeGivenOn = day;
        protocol.EffectiveEndDate = ProtocolStatuses.EndAfterNotice(protocol.EndDate, day);
        protocol.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await KeepAsync(db, time, protocol, actor, "protocol.notice", $"notice given {day:yyyy-MM-dd}, ends {protocol.EffectiveEndDate:yyyy-MM-dd}", ct);
        await transaction.CommitAsync(ct);
        return new ProtocolOutcome(true, $"ends {protocol.EffectiveEndDate:yyyy-MM-dd}", protocol);
    }

    /// <summary>The agency ends it at once (art. 8): access to personal data stops with the next request.</summary>
    public static async Task<ProtocolOutcome> TerminateAsync(PnxDb db, TimeProvider time, int id, string reason, string actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500) return new ProtocolOutcome(false, "a reason of 1 to 500 characters is required");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var protocol = await db.Protocols.Include(p => p.Municipality).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (protocol is null) return new ProtocolOutcome(false, $"no protocol with id {id}", NotFound: true);
        if (protocol.TerminatedAt is not null) return new ProtocolOutcome(false, "the protocol was already terminated");
        protocol.TerminatedAt = time.GetUtcNow().UtcDateTime;
        protocol.TerminationReason = reason.Trim();
        protocol.UpdatedAt = protocol.TerminatedAt.Value;
        await KeepAsync(db, time, protocol, actor, "protocol.terminate", "terminated at once (art. 8)", ct);
        await transaction.CommitAsync(ct);
        return new ProtocolOutcome(true, "terminated", protocol);
    }

    private static string? Validate(Protocol protocol)
    {
        if (protocol.EndDate < protocol.StartDate) return "the end lies before the start";
        if (protocol.Reference is { Length: > 200 }) return "the reference has at most 200 characters";
        if (protocol.UnconfirmedRetentionMonths is < 1 or > 120) return "months without confirmation: 1 to 120";
        if (protocol.EndedRetentionDays is < 0 or > 365) return "days after the end: 0 to 365";
        return null;
    }

    private static async Task KeepAsync(PnxDb db, TimeProvider time, Protocol protocol, string actor, string action, string change, CancellationToken ct)
    {
        var number = await db.Set<ProtocolVersion>().Where(v => v.ProtocolId == protocol.Id).Select(v => (int?)v.Number).MaxAsync(ct) ?? 0;
        db.Set<ProtocolVersion>().Add(new ProtocolVersion
        {
            ProtocolId = protocol.Id, Number = number + 1, At = time.GetUtcNow().UtcDateTime, Actor = actor, Change = change,
            Snapshot = JsonSerializer.Serialize(new
            {
                protocol.Reference, protocol.StartDate, protocol.EndDate, protocol.NoticeGivenOn, protocol.EffectiveEndDate,
                protocol.TerminatedAt, protocol.TerminationReason, protocol.AgencySignatory, protocol.MunicipalitySignatory,
                protocol.MunicipalDecisionOn, protocol.AgencyDpoAdviceOn, protocol.MunicipalDpoAdviceOn,
                protocol.UnconfirmedRetentionMonths, protocol.EndedRetentionDays, PublishedTextLength = protocol.PublishedText?.Length ?? 0,
            }),
        });
        await db.SaveChangesAsync(ct);
        var nis = protocol.Municipality?.NisCode ?? await db.Municipalities.Where(m => m.Id == protocol.MunicipalityId).Select(m => m.NisCode).SingleAsync(ct);
        await AuditTrail.AppendAsync(db, time, new AuditRecord(actor, action, nis, [], AuditPurposes.Exchange,
            string.Create(CultureInfo.InvariantCulture, $"protocol {protocol.Id}: {change}")), ct);
    }
}
