namespace Pnx.Trajectories;

/// <summary>How the participation goal was met (decree art. 33 §2), in the decree's order.</summary>
public enum GoalRoute
{
    /// <summary>(1) At least 40 confirmed hours of participation within the term of the integration contract.</summary>
    Hours,

    /// <summary>(2) Working or studying when the contract was signed.</summary>
    WorkingOrStudyingAtSigning,

    /// <summary>(3) Working or studying after signing and before the trajectory ends.</summary>
    WorkingOrStudyingAfterSigning,
}

/// <summary>The contract term and work or study facts the agency keeps (<see cref="TrajectoryFacts"/>).</summary>
public sealed record ContractFacts(DateOnly? SignedOn, DateOnly? EndsOn, bool WorkingOrStudyingAtSigning, DateOnly? WorkOrStudyStartedOn);

/// <summary>One enrolment as the goal sees it: the hours a counsellor confirmed and the days the participation ran.</summary>
public sealed record ParticipationHours(double? ConfirmedHours, DateOnly? From, DateOnly? To);

/// <param name="Met">Whether the goal is met.</param>
/// <param name="Route">The first route (in the decree's order) that meets it; null when not met.</param>
/// <param name="HoursInTerm">Confirmed hours of participations that ran within the contract term: the hours that count.</param>
/// <param name="HoursConfirmed">All confirmed hours, in the term or not.</param>
/// <param name="TermKnown">False while the contract's signing date is unknown: then nothing can be judged.</param>
public sealed record GoalAssessment(bool Met, GoalRoute? Route, double HoursInTerm, double HoursConfirmed, bool TermKnown)
{
    /// <summary>Progress toward the 40 hours, 0–1, for the bar.</summary>
    public double Progress => Math.Min(1, HoursInTerm / TrajectoryGoal.RequiredHours);
}

/// <summary>
/// Decree art. 33 §2: the participation goal is met by one of (1) at least 40 hours of participation within
/// the term of the integration contract, (2) working or studying when the contract is signed, (3) working or
/// studying after signing and before the trajectory ends. Only hours a counsellor confirmed count, and only
/// of participations that ran within the term (signed ≤ first day, last day ≤ end, both inclusive; no end
/// recorded = the term is still running). Pure: the page, the list and the tests ask the same rule.
/// </summary>
public static class TrajectoryGoal
{
    public const double RequiredHours = 40;

    public static GoalAssessment Assess(ContractFacts facts, IEnumerable<ParticipationHours> participations)
    {
        var counted = participations.Where(p => p.ConfirmedHours is > 0).ToList();
        var confirmed = counted.Sum(p => p.ConfirmedHours!.Value);
        var inTerm = counted.Where(p => WithinTerm(facts, p)).Sum(p => p.ConfirmedHours!.Value);
        if (facts.SignedOn is not { } signed) return new GoalAssessment(false, null, inTerm, confirmed, TermKnown: false);

        GoalRoute? route = inTerm >= RequiredHours ? GoalRoute.Hours
            : facts.WorkingOrStudyingAtSigning ? GoalRoute.WorkingOrStudyingAtSigning
            : facts.WorkOrStudyStartedOn is { } started && started >= signed && (facts.EndsOn is not { } ends || started <= ends)
                ? GoalRoute.WorkingOrStudyingAfterSigning
                : null;
        return new GoalAssessment(route is not null, route, inTerm, confirmed, TermKnown: true);
    }

    /// <summary>Whether a participation ran within the contract term; one without known days never does.</summary>
    public static bool WithinTerm(ContractFacts facts, ParticipationHours participation) =>
        facts.SignedOn is { } signed && participation.From is { } from && participation.To is { } to
        && from >= signed && (facts.EndsOn is not { } ends || to <= ends);
}
