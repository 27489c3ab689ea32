namespace Pnx.Imports;

/// <param name="Municipality">NIS code from --municipality; rows may carry their own in `NIS-code gemeente`.</param>
public sealed record ImportOptions(
    string? Municipality = null,
    ImportMode Mode = ImportMode.Snapshot,
    bool DryRun = false,
    bool AllowMassWithdrawal = false,
    string Actor = "cli");

/// <summary>The result of an import, turned into an exit code and output lines in one place (the verb).</summary>
public sealed record ImportOutcome(int ExitCode, IReadOnlyList<string> Lines, IReadOnlyList<string> Errors, IReadOnlyList<ImportPlan> Plans)
{
    public static ImportOutcome Rejected(IEnumerable<string> errors) => new(Cli.ExitCodes.Rejected, [], errors.ToList(), []);

    public static ImportOutcome Refused(IEnumerable<string> errors) => new(Cli.ExitCodes.Refused, [], errors.ToList(), []);
}
