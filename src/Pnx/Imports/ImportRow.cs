namespace Pnx.Imports;

/// <summary>
/// What the plan needs of one valid row of the file: its place, its key and whether its retention ended. The
/// values themselves wait in the import's staging table, so that memory holds keys, not the file.
/// </summary>
public readonly record struct ImportRow(int RowNumber, string DossierNumber, bool RetentionEnded);
