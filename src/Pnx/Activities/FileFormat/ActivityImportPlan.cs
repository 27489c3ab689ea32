using Pnx.Municipalities;

namespace Pnx.Activities.FileFormat;

/// <summary>What an activity import will do to one municipality's catalogue; computed before anything is written.</summary>
public sealed class ActivityImportPlan(Municipality municipality)
{
    public Municipality Municipality { get; } = municipality;

    public List<ActivityRecord> Creates { get; } = [];

    public List<ActivityRecord> Updates { get; } = [];

    public List<int> Unchanged { get; } = [];

    /// <summary>Contract §7: <c>23027 Halle: 12 activities created, 3 updated, 40 unchanged</c>.</summary>
    public string Summary() =>
        $"{Municipality.NisCode} {Municipality.Name}: {Creates.Count} activities created, {Updates.Count} updated, {Unchanged.Count} unchanged";
}

/// <summary>The result of an activity import; the verb and the upload page turn it into an exit code or a page.</summary>
public sealed record ActivityImportOutcome(int ExitCode, IReadOnlyList<string> Lines, IReadOnlyList<string> Errors, ActivityImportPlan? Plan)
{
    public static ActivityImportOutcome Rejected(IEnumerable<string> errors) => new(Cli.ExitCodes.Rejected, [], errors.ToList(), null);
}
