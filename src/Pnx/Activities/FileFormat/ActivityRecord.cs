namespace Pnx.Activities.FileFormat;

/// <summary>One validated row of an activity file: the activity to update (<see cref="Id"/>) or a new one (null).</summary>
public sealed record ActivityRecord(int RowNumber, int? Id, ActivityValues Values);
