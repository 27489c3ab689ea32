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

    /// <summary>Active on a day: the same rule as <see cref="ProtocolQueries.ActiveOn"/>, for a loaded record.</summary>
    public bool IsActiveOn(DateOnly day) => ProtocolQueries.ActiveOn(day).Compile()(this);
}
