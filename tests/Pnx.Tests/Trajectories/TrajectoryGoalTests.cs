using Pnx.Enrolments;
using Pnx.Trajectories;

namespace Pnx.Tests.Trajectories;

/// <summary>Decree art. 33 §2 as a table: each route, the contract-date boundaries, and only confirmed hours counting.</summary>
public sealed class TrajectoryGoalTests
{
    private static readonly DateOnly Signed = new(2025, 3, 1);
    private static readonly DateOnly Ends = new(2026, 2, 28);
    private static readonly ContractFacts Term = new(Signed, Ends, false, null);

    private static ParticipationHours Hours(double? confirmed, DateOnly from, DateOnly to) => new(confirmed, from, to);

    private static ParticipationHours InTerm(double? confirmed) => Hours(confirmed, new DateOnly(2025, 5, 1), new DateOnly(2025, 6, 30));

    [Fact]
    public void FortyConfirmedHoursWithinTheContractTermMeetTheGoal()
    {
        var goal = TrajectoryGoal.Assess(Term, [InTerm(25), InTerm(15)]);
        Assert.True(goal.Met);
        Assert.Equal(GoalRoute.Hours, goal.Route);
        Assert.Equal(40, goal.HoursInTerm);
        Assert.Equal(1, goal.Progress);
    }

    [Fact]
    public void ThirtyNineAndAHalfConfirmedHoursDoNotMeetTheGoal()
    {
        var goal = TrajectoryGoal.Assess(Term, [InTerm(20), InTerm(19.5)]);
        Assert.False(goal.Met);
        Assert.Null(goal.Route);
        Assert.Equal(39.5, goal.HoursInTerm);
    }

    [Fact]
    public void ReportedButUnconfirmedHoursDoNotCount()
    {
        // The municipality reported 30 hours on the second enrolment; no counsellor confirmed them yet.
        var goal = TrajectoryGoal.Assess(Term, [InTerm(20), InTerm(null)]);
        Assert.False(goal.Met);
        Assert.Equal(20, goal.HoursInTerm);
        Assert.Equal(20, goal.HoursConfirmed);
    }

    [Theory]
    [InlineData("2025-03-01", "2025-04-01", true)]   // starts on the day of signing
    [InlineData("2025-02-28", "2025-04-01", false)]  // starts the day before signing
    [InlineData("2026-01-01", "2026-02-28", true)]   // ends on the last day of the term
    [InlineData("2026-01-01", "2026-03-01", false)]  // ends the day after the term
    public void OnlyParticipationsWithinTheContractTermCountBoundariesIncluded(string from, string to, bool counts)
    {
        var goal = TrajectoryGoal.Assess(Term, [Hours(40, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(counts, goal.Met);
        Assert.Equal(counts ? 40 : 0, goal.HoursInTerm);
        Assert.Equal(40, goal.HoursConfirmed);
    }

    [Fact]
    public void WithoutAnEndDateTheTermIsStillRunning()
    {
        var goal = TrajectoryGoal.Assess(Term with { EndsOn = null }, [Hours(40, new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 1))]);
        Assert.True(goal.Met);
        Assert.Equal(GoalRoute.Hours, goal.Route);
    }

    [Fact]
    public void AParticipationWithoutKnownDaysNeverCountsInTheTerm()
    {
        var goal = TrajectoryGoal.Assess(Term, [new ParticipationHours(40, null, null)]);
        Assert.False(goal.Met);
        Assert.Equal(40, goal.HoursConfirmed);
    }

    [Fact]
    public void WorkingOrStudyingWhenTheContractWasSignedMeetsTheGoalWithoutHours()
    {
        var goal = TrajectoryGoal.Assess(Term with { WorkingOrStudyingAtSigning = true }, []);
        Assert.True(goal.Met);
        Assert.Equal(GoalRoute.WorkingOrStudyingAtSigning, goal.Route);
    }

    [Theory]
    [InlineData("2025-03-01", true)]   // the day of signing
    [InlineData("2025-09-15", true)]
    [InlineData("2026-02-28", true)]   // the last day of the term
    [InlineData("2025-02-28", false)]  // before signing: only route 2 (working at signing) could apply
    [InlineData("2026-03-01", false)]  // after the end
    public void WorkOrStudyStartedAfterSigningAndBeforeTheEndMeetsTheGoal(string started, bool met)
    {
        var goal = TrajectoryGoal.Assess(Term with { WorkOrStudyStartedOn = DateOnly.Parse(started, System.Globalization.CultureInfo.InvariantCulture) }, []);
        Assert.Equal(met, goal.Met);
        Assert.Equal(met ? GoalRoute.WorkingOrStudyingAfterSigning : (GoalRoute?)null, goal.Route);
    }

    [Fact]
    public void HoursComeFirstWhenSeveralRoutesMeetTheGoal()
    {
        var goal = TrajectoryGoal.Assess(Term with { WorkingOrStudyingAtSigning = true }, [InTerm(40)]);
        Assert.Equal(GoalRoute.Hours, goal.Route);
    }

    [Fact]
    public void NothingIsJudgedWhileTheSigningDateIsUnknown()
    {
        var goal = TrajectoryGoal.Assess(new ContractFacts(null, null, true, new DateOnly(2025, 1, 1)), [InTerm(50)]);
        Assert.False(goal.TermKnown);
        Assert.False(goal.Met);
        Assert.Equal(0, goal.HoursInTerm);
        Assert.Equal(50, goal.HoursConfirmed);
    }

    [Fact]
    public void AParticipationRunsFromItsFirstStartedReportToItsLastReport()
    {
        var at = new DateTime(2025, 5, 1, 10, 0, 0, DateTimeKind.Utc);
        var (from, to) = ParticipationPeriod.Of(
        [
            (EnrolmentStatus.Voorgesteld, at.AddDays(-10)),
            (EnrolmentStatus.Aangemeld, at.AddDays(-5)),
            (EnrolmentStatus.Gestart, at),
            (EnrolmentStatus.Gestart, at.AddDays(20)),
            (EnrolmentStatus.Afgerond, at.AddDays(40)),
        ]);
        Assert.Equal(new DateOnly(2025, 5, 1), from);
        Assert.Equal(new DateOnly(2025, 6, 10), to);
    }

    [Fact]
    public void StatusDatesAreBelgianCalendarDays()
    {
        // 23:30 UTC on 31 May is already 1 June in Brussels (summer time).
        var (from, _) = ParticipationPeriod.Of([(EnrolmentStatus.Gestart, new DateTime(2025, 5, 31, 23, 30, 0, DateTimeKind.Utc))]);
        Assert.Equal(new DateOnly(2025, 6, 1), from);
    }

    [Fact]
    public void AParticipationThatNeverStartedHasNoPeriod()
    {
        var at = new DateTime(2025, 5, 1, 10, 0, 0, DateTimeKind.Utc);
        var (from, to) = ParticipationPeriod.Of([(EnrolmentStatus.Voorgesteld, at), (EnrolmentStatus.NietGestart, at.AddDays(3))]);
        Assert.Null(from);
        Assert.Null(to);
    }

    [Fact]
    public void ReportedHoursAwaitConfirmationUntilConfirmedAndAgainWhenReportedDifferently()
    {
        var at = new DateTime(2025, 5, 1, 10, 0, 0, DateTimeKind.Utc);
        Assert.True(HoursConfirmation.IsAwaiting(12, null, null));
        Assert.False(HoursConfirmation.IsAwaiting(12, at, 12));
        Assert.True(HoursConfirmation.IsAwaiting(16, at, 12));
        Assert.False(HoursConfirmation.IsAwaiting(null, null, null));
        Assert.False(HoursConfirmation.IsAwaiting(0, null, null));
    }
}
