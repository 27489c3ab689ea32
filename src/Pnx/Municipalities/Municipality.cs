namespace Pnx.Municipalities;

/// <summary>A local government: one isolated workspace, identified by its NIS code.</summary>
public sealed class Municipality
{
    public int Id { get; set; }

    /// <summary>Five-digit NIS code, e.g. 23027 for Halle.</summary>
    public required string NisCode { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }
}
