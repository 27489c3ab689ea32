using System.Text.Json;

namespace Pnx.Imports.Upload;

/// <summary>
/// What the upload page shows of an import: its exit code, the CLI's lines and problems (they name rows, columns and
/// counts, never a personal value) and the counts per municipality. Stored as JSON on the upload
/// (<see cref="StagedUpload.OutcomeJson"/>) when the background import ends, so any instance or a reload shows it.
/// </summary>
public sealed record UploadOutcome(
    int ExitCode, IReadOnlyList<string> Lines, IReadOnlyList<string> Errors, IReadOnlyList<UploadOutcome.Counts> Plans,
    string FileName, string Mode, string? Municipality, bool AllowMassWithdrawal = false)
{
    /// <summary>One municipality's row of the summary table.</summary>
    public sealed record Counts(string Nis, string Name, int Creates, int Updates, int Unchanged, int Withdrawals, int SkippedRetentionEnded);

    /// <summary>The page's view of <paramref name="outcome"/>, with the options it ran with (a preview's confirmation posts them again).</summary>
    public static UploadOutcome Of(ImportOutcome outcome, string fileName, ImportOptions options) => new(
        outcome.ExitCode, outcome.Lines, outcome.Errors,
        [.. outcome.Plans.Select(p => new Counts(
            p.Municipality.NisCode, p.Municipality.Name, p.Creates.Count, p.Updates.Count, p.Unchanged.Count, p.Withdrawals.Count, p.SkippedRetentionEnded.Count))],
        fileName, options.Mode == ImportMode.Upsert ? "upsert" : "snapshot", options.Municipality, options.AllowMassWithdrawal);

    /// <summary>An import that could not finish (the server stopped, or a bug): nothing was written, the message says what to do.</summary>
    public static UploadOutcome Failed(string dutchMessage) => new(Cli.ExitCodes.Failure, [], [dutchMessage], [], "", "", null);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static UploadOutcome? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<UploadOutcome>(json);
}
