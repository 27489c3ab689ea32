using Pnx.Municipalities;

namespace Pnx.Imports;

/// <summary>What an import will do to one municipality's workspace; computed before anything is written.</summary>
public sealed class ImportPlan(Municipality municipality)
{
    public Municipality Municipality { get; } = municipality;

    /// <summary>New newcomers, and withdrawn or erased ones shared again.</summary>
    public List<ImportRow> Creates { get; } = [];

    /// <summary>Ids of erased or withdrawn rows that a create revives, by dossier number.</summary>
    public Dictionary<string, long> Revived { get; } = new(StringComparer.Ordinal);

    public List<(long Id, ImportRow Row)> Updates { get; } = [];

    /// <summary>How many creates are newcomers the municipality never had.</summary>
    public int Inserts => Creates.Count - Revived.Count;

    /// <summary>Ids of the rows overwritten in place: re-shared newcomers and updates.</summary>
    public IReadOnlyList<long> Rewrites => [.. Revived.Values, .. Updates.Select(u => u.Id)];

    public List<long> Unchanged { get; } = [];

    public List<(long Id, string DossierNumber)> Withdrawals { get; } = [];

    /// <summary>Rows whose retention ended: not stored; an existing copy is erased.</summary>
    public List<string> SkippedRetentionEnded { get; } = [];

    public List<(long Id, string DossierNumber)> RetentionErasures { get; } = [];

    /// <summary>Newcomers currently in the workspace before the import.</summary>
    public int ActiveBefore { get; set; }

    public string Summary()
    {
        var line = $"{Municipality.NisCode} {Municipality.Name}: {Creates.Count} created, {Updates.Count} updated, {Unchanged.Count} unchanged, {Withdrawals.Count} withdrawn";
        return SkippedRetentionEnded.Count > 0 ? $"{line}, {SkippedRetentionEnded.Count} skipped (retention ended)" : line;
    }
}
