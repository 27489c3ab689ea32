using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Audit.Viewer;

/// <summary>
/// The resolved filter: a municipal DPO's scope is always set, so their query can never reach another municipality.
/// The period is a range of seq (<see cref="FromSeq"/> inclusive, <see cref="ToSeqExclusive"/>), found once per
/// view from the index on (At, Seq): entries get their time under the head lock, so time never goes down as seq
/// goes up, and every filter becomes a range on one (column, Seq) index read newest first.
/// </summary>
public sealed record AuditCriteria(string? Municipality, string? Actor, long? FromSeq, long? ToSeqExclusive, string? Action, string? Dossier);

public static class AuditQuery
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static IQueryable<AuditEntry> Apply(PnxDb db, AuditCriteria criteria)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (criteria.Municipality is { } nis) query = query.Where(e => e.Municipality == nis);
        if (criteria.Actor is { } actor) query = query.Where(e => e.Actor == actor);
        if (criteria.FromSeq is { } from) query = query.Where(e => e.Seq >= from);
        if (criteria.ToSeqExclusive is { } to) query = query.Where(e => e.Seq < to);
        if (criteria.Action is { } action) query = query.Where(e => e.Action == action);
        if (criteria.Dossier is { } dossier)
        {
            var pattern = "%" + EscapeLike(SubjectToken(dossier)) + "%";
            query = query.Where(e => EF.Functions.Like(e.Subjects, pattern, "\\"));
        }

        return query;
    }

    /// <summary>The first seq appended at or after <paramref name="utc"/>, or null when none was (yet).</summary>
    public static Task<long?> FirstSeqAtOrAfterAsync(PnxDb db, DateTime utc, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Where(e => e.At >= utc).OrderBy(e => e.At).ThenBy(e => e.Seq)
            .Select(e => (long?)e.Seq).FirstOrDefaultAsync(ct);

    /// <summary>The dossier number as it appears inside the stored JSON array, quotes included, so "123" never matches "1234".</summary>
    public static string SubjectToken(string dossier) => AuditHash.SubjectsJson([dossier])[1..^1];

    public static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>Midnight of a Belgian calendar day, in UTC.</summary>
    public static DateTime StartOfBelgianDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Brussels);

    public static DateTime ToBelgianTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Brussels);
}
