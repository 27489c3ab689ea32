namespace Pnx.Audit;

/// <summary>
/// One link of the hash chain (contract §6). Holds ids only, never personal values.
/// <see cref="Subjects"/> is the canonical JSON array of dossier numbers.
/// </summary>
public sealed class AuditEntry
{
    internal const string Table = "audit_entries";

    public long Seq { get; set; }

    /// <summary>UTC, truncated to microseconds so that every engine stores it exactly.</summary>
    public DateTime At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public string? Municipality { get; set; }

    public required string Subjects { get; set; }

    /// <summary>The processing purpose (article 2) the action served.</summary>
    public string? Purpose { get; set; }

    /// <summary>Free text without personal data: counts, reasons, file names.</summary>
    public string? Detail { get; set; }

    public required string Prev { get; set; }

    public required string Hash { get; set; }
}
