namespace Pnx.Cli;

/// <summary>Exit codes for every verb (contract §3).</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Rejected = 3;
    public const int Refused = 4;
    public const int IntegrityFailed = 5;
}
