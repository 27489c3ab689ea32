using Pnx.Municipalities;

namespace Pnx.Access;

/// <summary>A municipality's own job title (functieprofiel) that grants one municipal role (protocol art. 4).</summary>
public sealed class FunctionProfile
{
    public int Id { get; set; }

    public int MunicipalityId { get; set; }

    public Municipality Municipality { get; set; } = null!;

    /// <summary>The municipality's label, in Dutch, e.g. "Integratieambtenaar"; unique per municipality.</summary>
    public required string Name { get; set; }

    public Role Role { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>What the holder does with the data, in the municipality's words (kept by its DPO, art. 4); null until described.</summary>
    public string? Description { get; set; }

    /// <summary>Set when the municipality retires the profile: it stays in the register's history and grants no new access.</summary>
    public DateTime? RetiredAt { get; set; }
}
