namespace Pnx.Newcomers;

/// <summary>Status of the social orientation course (Maatschappelijke Oriëntatie, MO).</summary>
public enum CivicOrientationStatus
{
    NotStarted = 0,
    Registered = 1,
    InProgress = 2,
    Passed = 3,
    Failed = 4,
    Exempted = 5,
    Stopped = 6,
}
