using System.Globalization;
using Pnx.Hosting;
using Pnx.Retention;

namespace Pnx.Tests.Retention;

/// <summary>The four rules of §9 on the boundaries: the day before, on and after each date, month ends and the DST days.</summary>
public sealed class RetentionRuleTests
{
    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static DateTime Utc(string text) => DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), DateTimeKind.Utc);

    private static readonly ProtocolTerm LongProtocol = new(Day("2024-03-29"), Day("2030-12-31"), null, 12, 30);

    private static RetentionCutoff Cutoff(string today, params ProtocolTerm[] protocols) => RetentionCutoff.From(1, protocols, Day(today));

    [Theory]
    [InlineData("2025-08-31", "2026-02-28")]
    [InlineData("2027-08-31", "2028-02-29")]
    [InlineData("2026-03-31", "2026-09-30")]
    [InlineData("2025-12-15", "2026-06-15")]
    public void CertificatePlusSixCalendarMonthsEndsOnTheLastDayOfTheShorterMonth(string certificate, string lastDay)
    {
        var deadline = RetentionRules.DeadlineOf(Day(certificate), null, Utc("2026-01-01T10:00:00Z").AddYears(5), RetentionTerms.Of([LongProtocol], Day(certificate)));
        Assert.Equal(new RetentionDeadline(Day(lastDay), RetentionRule.Certificate), deadline);
        var last = Day(lastDay);
        Assert.True(Cutoff(last.AddDays(-1).ToString("O", CultureInfo.InvariantCulture), LongProtocol).KeepsLoaded(Day(certificate), DateTime.MaxValue));
        Assert.True(Cutoff(last.ToString("O", CultureInfo.InvariantCulture), LongProtocol).KeepsLoaded(Day(certificate), DateTime.MaxValue));
        Assert.False(Cutoff(last.AddDays(1).ToString("O", CultureInfo.InvariantCulture), LongProtocol).KeepsLoaded(Day(certificate), DateTime.MaxValue));
    }

    [Theory]
    [InlineData("2026-07-15", true)]
    [InlineData("2026-07-16", false)]
    [InlineData("2026-07-14", true)]
    public void UnconfirmedForTheProtocolsMonthsEndsTheDayAfter(string today, bool kept)
    {
        var protocol = LongProtocol with { UnconfirmedRetentionMonths = 1 };
        var confirmed = Utc("2026-06-15T10:00:00Z");
        Assert.Equal(kept, Cutoff(today, protocol).KeepsLoaded(null, confirmed));
        Assert.Equal(new RetentionDeadline(Day("2026-07-15"), RetentionRule.Unconfirmed), RetentionRules.DeadlineOf(null, null, confirmed, Cutoff(today, protocol).Terms));
    }

    [Fact]
    public void TwelveMonthsIsTheDefaultAndAugustThirtyFirstEndsInFebruary()
    {
        var protocol = LongProtocol;
        var confirmed = Utc("2025-08-31T10:00:00Z");
        Assert.Equal(new RetentionDeadline(Day("2026-08-31"), RetentionRule.Unconfirmed), RetentionRules.DeadlineOf(null, null, confirmed, RetentionTerms.Of([protocol], Day("2026-01-01"))));
        Assert.Equal(new RetentionDeadline(Day("2026-02-28"), RetentionRule.Unconfirmed),
            RetentionRules.DeadlineOf(null, null, confirmed, RetentionTerms.Of([protocol with { UnconfirmedRetentionMonths = 6 }], Day("2026-01-01"))));
    }

    /// <summary>Last Sunday of March and of October 2026: a confirmation just after Belgian midnight belongs to the Belgian day.</summary>
    [Theory]
    [InlineData("2026-03-28T22:59:00Z", "2026-03-28")]
    [InlineData("2026-03-28T23:00:00Z", "2026-03-29")]
    [InlineData("2026-03-29T21:59:00Z", "2026-03-29")]
    [InlineData("2026-03-29T22:00:00Z", "2026-03-30")]
    [InlineData("2026-10-24T21:59:00Z", "2026-10-24")]
    [InlineData("2026-10-24T22:00:00Z", "2026-10-25")]
    [InlineData("2026-10-25T22:59:00Z", "2026-10-25")]
    [InlineData("2026-10-25T23:00:00Z", "2026-10-26")]
    public void TheDaysOfTheClockChangesAreBelgianDays(string confirmedAt, string belgianDay)
    {
        var confirmed = Utc(confirmedAt);
        var protocol = LongProtocol with { UnconfirmedRetentionMonths = 1 };
        var lastDay = Day(belgianDay).AddMonths(1);
        Assert.Equal(new RetentionDeadline(lastDay, RetentionRule.Unconfirmed), RetentionRules.DeadlineOf(null, null, confirmed, RetentionTerms.Of([protocol], lastDay)));
        Assert.True(Cutoff(lastDay.ToString("O", CultureInfo.InvariantCulture), protocol).KeepsLoaded(null, confirmed));
        Assert.False(Cutoff(lastDay.AddDays(1).ToString("O", CultureInfo.InvariantCulture), protocol).KeepsLoaded(null, confirmed));
    }

    [Fact]
    public void TodayIsTheBelgianDayOnBothSidesOfTheClockChanges()
    {
        Assert.Equal(Day("2026-03-29"), BelgianTime.Today(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero))));
        Assert.Equal(Day("2026-03-28"), BelgianTime.Today(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 22, 59, 59, TimeSpan.Zero))));
        Assert.Equal(Day("2026-10-25"), BelgianTime.Today(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 10, 25, 22, 59, 59, TimeSpan.Zero))));
        Assert.Equal(Day("2026-10-26"), BelgianTime.Today(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero))));
    }

    [Theory]
    [InlineData("2026-07-29", true)]
    [InlineData("2026-07-30", true)]
    [InlineData("2026-07-31", false)]
    public void ThirtyDaysAfterTheProtocolEndedWithoutSuccessor(string today, bool kept)
    {
        var ending = new ProtocolTerm(Day("2024-03-29"), Day("2026-06-30"), null, 12, 30);
        var confirmed = Utc("2026-06-01T10:00:00Z");
        Assert.Equal(kept, Cutoff(today, ending).KeepsLoaded(null, confirmed));
        Assert.Equal(new RetentionDeadline(Day("2026-07-30"), RetentionRule.ProtocolEnded), RetentionRules.DeadlineOf(null, null, confirmed, RetentionTerms.Of([ending], Day(today))));
    }

    [Fact]
    public void ASuccessorStartingTheNextDayCarriesTheDataOnAndAGapDoesNot()
    {
        var ending = new ProtocolTerm(Day("2024-03-29"), Day("2026-06-30"), null, 12, 30);
        var confirmed = Utc("2026-06-01T10:00:00Z");
        var next = new ProtocolTerm(Day("2026-07-01"), Day("2029-06-30"), null, 12, 30);
        Assert.True(Cutoff("2026-09-01", ending, next).KeepsLoaded(null, confirmed.AddMonths(3)));
        Assert.Equal(Day("2029-07-30"), RetentionTerms.Of([ending, next], Day("2026-09-01")).ProtocolLastDay(Day("2026-06-01")));

        var late = next with { StartDate = Day("2026-07-02") };
        Assert.False(Cutoff("2026-07-31", ending, late).KeepsLoaded(null, confirmed));
        Assert.True(Cutoff("2026-07-30", ending, late).KeepsLoaded(null, confirmed));
        // Shared again under the later protocol: confirmed after the gap, kept.
        Assert.True(Cutoff("2026-07-31", ending, late).KeepsLoaded(null, Utc("2026-07-02T10:00:00Z")));
    }

    [Fact]
    public void ATerminatedProtocolEndsOnTheDayOfTermination()
    {
        var terminated = new ProtocolTerm(Day("2024-03-29"), Day("2030-12-31"), Utc("2026-05-10T08:00:00Z"), 12, 30);
        var confirmed = Utc("2026-05-10T06:00:00Z");
        Assert.Equal(new RetentionDeadline(Day("2026-06-09"), RetentionRule.ProtocolEnded), RetentionRules.DeadlineOf(null, null, confirmed, RetentionTerms.Of([terminated], Day("2026-05-11"))));
        Assert.True(Cutoff("2026-06-09", terminated).KeepsLoaded(null, confirmed));
        Assert.False(Cutoff("2026-06-10", terminated).KeepsLoaded(null, confirmed));
    }

    [Fact]
    public void TheFirstDateNamesTheRuleAndATieGoesToTheCertificate()
    {
        var terms = RetentionTerms.Of([LongProtocol with { UnconfirmedRetentionMonths = 6 }], Day("2026-01-01"));
        var confirmed = Utc("2026-01-10T10:00:00Z");
        Assert.Equal(RetentionRule.Certificate, RetentionRules.DeadlineOf(Day("2026-01-10"), null, confirmed, terms).Rule);
        Assert.Equal(RetentionRule.Unconfirmed, RetentionRules.DeadlineOf(Day("2026-01-11"), null, confirmed, terms).Rule);
        Assert.Equal(RetentionRule.Withdrawal, RetentionRules.DeadlineOf(Day("2026-01-11"), Utc("2026-02-01T10:00:00Z"), confirmed, terms).Rule);
    }

    [Fact]
    public void ThresholdsAgreeWithThePerNewcomerDatesOnEveryDayOfTwoYears()
    {
        var protocols = new[]
        {
            new ProtocolTerm(Day("2024-03-29"), Day("2025-08-31"), null, 3, 10),
            new ProtocolTerm(Day("2025-09-15"), Day("2026-12-31"), Utc("2026-04-02T09:00:00Z"), 12, 30),
        };
        var confirmations = Enumerable.Range(0, 40).Select(i => Utc("2025-01-01T23:30:00Z").AddDays(i * 19)).ToList();
        for (var today = Day("2025-01-01"); today < Day("2027-01-01"); today = today.AddDays(3))
        {
            var cutoff = RetentionCutoff.From(1, protocols, today);
            foreach (var confirmed in confirmations)
            {
                var deadline = RetentionRules.DeadlineOf(null, null, confirmed, cutoff.Terms);
                Assert.Equal(deadline.LastDay >= today, cutoff.KeepsLoaded(null, confirmed));
            }
        }
    }
}
