namespace Pnx.CaseWork;

public enum CaseWorkOutcomeKind
{
    Done,

    /// <summary>No such current newcomer (or colleague) in this workspace: 404.</summary>
    NotFound,

    /// <summary>The input breaks a rule (closed list, length, not a case worker here): shown in Dutch.</summary>
    Refused,
}

/// <summary>The result of a contact-log entry or an assignment; expected failures are values.</summary>
public sealed record CaseWorkOutcome(CaseWorkOutcomeKind Kind, string? Message = null)
{
    public static readonly CaseWorkOutcome Done = new(CaseWorkOutcomeKind.Done);

    public static readonly CaseWorkOutcome NotFound = new(CaseWorkOutcomeKind.NotFound, "niet gevonden");

    public static CaseWorkOutcome Refused(string message) => new(CaseWorkOutcomeKind.Refused, message);
}
