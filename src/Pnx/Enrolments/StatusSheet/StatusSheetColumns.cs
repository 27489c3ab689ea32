namespace Pnx.Enrolments.StatusSheet;

/// <summary>The status sheet of contract §7: the .xlsx export's second sheet, one row per enrolment. Names exactly as the contract gives them.</summary>
public static class StatusSheetColumns
{
    public const string Sheet = "Activiteiten";

    public const string DossierNumber = "Dossiernummer";
    public const string EnrolmentId = "Inschrijving-ID";
    public const string ActivityId = "Activiteit-ID";
    public const string Activity = "Activiteit";
    public const string Status = "Status";
    public const string Reason = "Reden";
    public const string Hours = "Uren";
    public const string StatusDate = "Datum status";

    public static readonly IReadOnlyList<string> All = [DossierNumber, EnrolmentId, ActivityId, Activity, Status, Reason, Hours, StatusDate];

    /// <summary>Without these a row cannot be matched to an enrolment or an activity. `Activiteit` and `Datum status` are for reading only.</summary>
    public static readonly IReadOnlyList<string> Required = [DossierNumber, EnrolmentId, ActivityId, Status];
}

/// <summary>One exported enrolment.</summary>
public sealed record StatusSheetRow(
    string DossierNumber, long EnrolmentId, int ActivityId, string ActivityTitle, EnrolmentStatus Status, StopReason? Reason, double? Hours, DateOnly StatusDate);
