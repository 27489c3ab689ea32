namespace Pnx.Enrolments;

public enum EnrolmentOutcomeKind
{
    Done,

    /// <summary>No such newcomer, activity or enrolment in this workspace: 404.</summary>
    NotFound,

    /// <summary>Someone changed it meanwhile (the version does not match): 412 / a stale form.</summary>
    Stale,

    /// <summary>The rules of §7 or a hard matching rule forbid it: 422 / exit 3, with the reason in Dutch.</summary>
    Refused,
}

/// <summary>The result of proposing or changing an enrolment; expected failures are values, not exceptions.</summary>
public sealed record EnrolmentOutcome(EnrolmentOutcomeKind Kind, string? Message = null, Enrolment? Enrolment = null)
{
    public bool Succeeded => Kind == EnrolmentOutcomeKind.Done;

    public static EnrolmentOutcome Done(Enrolment enrolment) => new(EnrolmentOutcomeKind.Done, null, enrolment);

    public static readonly EnrolmentOutcome NotFound = new(EnrolmentOutcomeKind.NotFound, "niet gevonden");

    public static readonly EnrolmentOutcome Stale = new(EnrolmentOutcomeKind.Stale,
        "iemand anders heeft deze inschrijving intussen gewijzigd; bekijk de nieuwe toestand en probeer opnieuw");

    public static EnrolmentOutcome Refused(string message) => new(EnrolmentOutcomeKind.Refused, message);
}
