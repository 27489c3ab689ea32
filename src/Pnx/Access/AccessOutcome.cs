namespace Pnx.Access;

public enum AccessOutcomeKind
{
    Done,

    /// <summary>A value is wrong (unknown user, profile, role or grant): CLI exit 3.</summary>
    Rejected,

    /// <summary>Policy says no (four-eyes, segregation of duties, not an administrator): CLI exit 4.</summary>
    Refused,
}

/// <summary>The result of a change to accounts or grants; expected failures are values, not exceptions.</summary>
public sealed record AccessOutcome(AccessOutcomeKind Kind, string Message, int? GrantId = null)
{
    public bool Succeeded => Kind == AccessOutcomeKind.Done;

    public static AccessOutcome Done(string message, int? grantId = null) => new(AccessOutcomeKind.Done, message, grantId);

    public static AccessOutcome Rejected(string message) => new(AccessOutcomeKind.Rejected, message);

    public static AccessOutcome Refused(string message) => new(AccessOutcomeKind.Refused, message);
}
