using Pnx.Activities;
using Pnx.Municipalities;
using Pnx.Newcomers;

namespace Pnx.Enrolments;

/// <summary>
/// A newcomer steered to an activity (toeleiding) by a case worker of the newcomer's municipality, and the
/// status of that participation over time. Personal data: removed with the newcomer (withdrawal, retention);
/// the status changes already reported (<see cref="EnrolmentStatusChange"/>) stay with the agency.
/// </summary>
public sealed class Enrolment
{
    public long Id { get; set; }

    /// <summary>The newcomer's municipality: the workspace that owns the enrolment.</summary>
    public int MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    public long NewcomerId { get; set; }

    public Newcomer? Newcomer { get; set; }

    /// <summary>Its own or one shared with the municipality.</summary>
    public int ActivityId { get; set; }

    public Activity? Activity { get; set; }

    public EnrolmentStatus Status { get; set; } = EnrolmentStatus.Voorgesteld;

    public StopReason? Reason { get; set; }

    /// <summary>Hours attended as reported by the municipality (≥ 0, steps of 0.5).</summary>
    public double? Hours { get; set; }

    /// <summary>Hours an agency trajectory counsellor confirmed against the signed proof of participation; only these count toward the 40.</summary>
    public double? ConfirmedHours { get; set; }

    public DateTime? HoursConfirmedAt { get; set; }

    /// <summary>Audit actor ("user:ID") of the counsellor who confirmed.</summary>
    public string? HoursConfirmedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>When the current status was set.</summary>
    public DateTime StatusAt { get; set; }

    public required string StatusBy { get; set; }

    /// <summary>Raised on every change; the ETag of the API and the hidden field of the form (a stale change is refused).</summary>
    public int Version { get; set; }
}

/// <summary>
/// One status change, as reported to the agency: the back-flow feed and the history of an enrolment.
/// Append-only; keeps only ids (dossier number, enrolment, activity), never names.
/// </summary>
public sealed class EnrolmentStatusChange
{
    /// <summary>Monotonic: the feed's cursor orders by it.</summary>
    public long Id { get; set; }

    public long EnrolmentId { get; set; }

    public int MunicipalityId { get; set; }

    public required string MunicipalityNis { get; set; }

    public required string DossierNumber { get; set; }

    public int ActivityId { get; set; }

    public EnrolmentStatus Status { get; set; }

    public StopReason? Reason { get; set; }

    public double? Hours { get; set; }

    public DateTime At { get; set; }

    public required string Actor { get; set; }
}
