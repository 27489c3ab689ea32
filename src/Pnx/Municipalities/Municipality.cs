namespace Pnx.Municipalities;

/// <summary>A local government: one isolated workspace, identified by its NIS code.</summary>
public sealed class Municipality
{
    public int Id { get; set; }

    /// <summary>Five-digit NIS code, e.g. 23027 for Halle.</summary>
    public required string NisCode { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Drawn anew by the database (triggers on <c>newcomers</c>, see <see cref="Newcomers.NewcomersStamp"/>) whenever a change
    /// could alter which of the municipality's newcomers are current; never written by the application.
    /// </summary>
    public long NewcomersStamp { get; private set; }
}
