namespace Pnx.Imports;

public enum ImportMode
{
    /// <summary>The file is the complete current list of each municipality it covers; the rest is withdrawn.</summary>
    Snapshot,

    /// <summary>Only adds and updates.</summary>
    Upsert,
}
