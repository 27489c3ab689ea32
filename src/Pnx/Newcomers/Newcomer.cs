using Pnx.Municipalities;

namespace Pnx.Newcomers;

/// <summary>
/// A newcomer (inburgeraar) shared with one municipality. The personal fields are exactly the
/// whitelist of protocol article 3; they are null once the data left the workspace
/// (withdrawn or retention ended). The rest is processing metadata.
/// </summary>
public sealed class Newcomer
{
    public long Id { get; set; }

    public int MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    /// <summary>The source system's dossier reference; unique per municipality.</summary>
    public required string DossierNumber { get; set; }

    public string? FamilyName { get; set; }

    public string? GivenNames { get; set; }

    /// <summary>Family and given names in <see cref="NewcomerSearch"/> form; personal data, erased with the rest.</summary>
    public string? SearchName { get; set; }

    public string? Street { get; set; }

    public string? HouseNumber { get; set; }

    public string? Box { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    /// <summary>E.164, e.g. +3223659900.</summary>
    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>ISO 639-1 code where one exists, else ISO 639-3.</summary>
    public string? ContactLanguage { get; set; }

    public DutchLevel? DutchLevel { get; set; }

    public CivicOrientationStatus? CivicOrientationStatus { get; set; }

    public InterestsAndNeeds Interests { get; set; }

    /// <summary>Drives retention: personal data end 6 months after this date.</summary>
    public DateOnly? CertificateDate { get; set; }

    public DateTime FirstSharedAt { get; set; }

    public DateTime LastConfirmedAt { get; set; }

    public DateTime? WithdrawnAt { get; set; }

    /// <summary>When the personal fields were erased (withdrawal or retention).</summary>
    public DateTime? ErasedAt { get; set; }

    /// <summary>
    /// The latest contact-log entry's moment, null when never contacted: kept by the database's triggers on
    /// <c>contact_log</c> (never written by the application), so the list sorts and filters on it through an index.
    /// </summary>
    public DateTime? LastContactAt { get; set; }

    /// <summary>The hours recorded on all of the newcomer's enrolments: kept by the database's triggers on <c>enrolments</c>.</summary>
    public double RecordedHours { get; set; }
}
