using Pnx.Municipalities;

namespace Pnx.Protocols;

/// <summary>The data-sharing protocol with one municipality (articles 5 and 12).</summary>
public sealed class Protocol
{
    public int Id { get; set; }

    public int MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    public string? Reference { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public DateTime? TerminatedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Active on a day when start &lt;= day &lt;= end and not terminated (contract §3).</summary>
    public bool IsActiveOn(DateOnly day) => TerminatedAt is null && StartDate <= day && day <= EndDate;
}
