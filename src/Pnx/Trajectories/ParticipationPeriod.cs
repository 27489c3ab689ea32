using Pnx.Enrolments;

namespace Pnx.Trajectories;

/// <summary>
/// When a participation ran, from the status dates the municipality reported: from the day it was first
/// reported as <c>gestart</c> (or later, when steps were skipped) to the day of its last report from then on
/// (the final status, or the latest hours while it runs). Days are Belgian calendar days.
/// </summary>
public static class ParticipationPeriod
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static (DateOnly? From, DateOnly? To) Of(IEnumerable<(EnrolmentStatus Status, DateTime At)> changes)
    {
        DateOnly? from = null, to = null;
        foreach (var (status, at) in changes.OrderBy(c => c.At))
        {
            if (!EnrolmentRules.AllowsHours(status)) continue;
            var day = Day(at);
            from ??= day;
            to = day;
        }

        return (from, to);
    }

    public static DateOnly Day(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Brussels));
}
