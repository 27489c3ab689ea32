using Pnx.Municipalities;

namespace Pnx.Protocols;

/// <summary>
/// The data-sharing protocol with one municipality (articles 5, 8, 12), with the template's fields. Its status
/// follows from the record and the day (<see cref="ProtocolStatuses"/>); every change is kept as a <see cref="ProtocolVersion"/>.
/// </summary>
public sealed class Protocol
{
    public int Id { get; set; }

    public int MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    public string? Reference { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>The last day of the term as agreed.</summary>
    public DateOnly EndDate { get; set; }

    /// <summary>The day notice was given (art. 12): the protocol then ends 3 months later, or at its end if sooner.</summary>
    public DateOnly? NoticeGivenOn { get; set; }

    /// <summary>The last day it runs: <see cref="EndDate"/>, or the end of the notice period if sooner. Kept in step by <see cref="ProtocolStatuses"/>.</summary>
    public DateOnly EffectiveEndDate { get; set; }

    /// <summary>Ended at once by the agency (art. 8).</summary>
    public DateTime? TerminatedAt { get; set; }

    public string? TerminationReason { get; set; }

    /// <summary>The parties and their signatories, as the template names them.</summary>
    public string? AgencySignatory { get; set; }

    public string? MunicipalitySignatory { get; set; }

    /// <summary>Date of the municipality's decision (college or council) approving it.</summary>
    public DateOnly? MunicipalDecisionOn { get; set; }

    public DateOnly? AgencyDpoAdviceOn { get; set; }

    public DateOnly? MunicipalDpoAdviceOn { get; set; }

    /// <summary>The published text (art. 10), shown on the public transparency page.</summary>
    public string? PublishedText { get; set; }

    /// <summary>Months without confirmation by an import or push after which a newcomer's data go (§9).</summary>
    public int UnconfirmedRetentionMonths { get; set; } = 12;

    /// <summary>Days after the protocol ended without a successor after which the municipality's data go (§9).</summary>
    public int EndedRetentionDays { get; set; } = 30;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Active on a day: the same rule as <see cref="ProtocolQueries.ActiveOn"/>, for a loaded record.</summary>
    public bool IsActiveOn(DateOnly day) => ProtocolQueries.IsActiveOn(this, day);
}

/// <summary>A snapshot of a protocol after each change: who changed what, and when.</summary>
public sealed class ProtocolVersion
{
    public long Id { get; set; }

    public int ProtocolId { get; set; }

    public int Number { get; set; }

    public DateTime At { get; set; }

    public required string Actor { get; set; }

    public required string Change { get; set; }

    /// <summary>The record as JSON after the change.</summary>
    public required string Snapshot { get; set; }
}
