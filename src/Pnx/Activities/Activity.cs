using Pnx.Municipalities;
using Pnx.Newcomers;

namespace Pnx.Activities;

/// <summary>
/// An activity on offer (aanbod) in one municipality's catalogue, kept by its offer managers. Holds no personal
/// data of newcomers; the contact person is the organiser's public contact. Fields follow contract §7.
/// </summary>
public sealed class Activity
{
    public int Id { get; set; }

    /// <summary>The municipality whose catalogue owns it.</summary>
    public int MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public required string Organiser { get; set; }

    public string? ContactPerson { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>E.164, as the newcomer's phone.</summary>
    public string? ContactPhone { get; set; }

    public string? Address { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    /// <summary>One or more of the first eight interests (buddy … vrijwilligerswerk).</summary>
    public InterestsAndNeeds Categories { get; set; }

    /// <summary>Meets need 9 (nood aan kinderopvang).</summary>
    public bool Childcare { get; set; }

    /// <summary>Meets need 10 (nood aan gezinsactiviteit).</summary>
    public bool FamilyActivity { get; set; }

    /// <summary>Meets need 11 (nood aan gratis activiteit).</summary>
    public bool Free { get; set; }

    public DutchLevel MinimumDutchLevel { get; set; } = DutchLevel.Geen;

    /// <summary>ISO 639 codes of the languages in which support is offered, comma-separated, sorted.</summary>
    public string? Languages { get; set; }

    /// <summary>Places; null is no limit. Enrolments that are aangemeld or gestart take a place.</summary>
    public int? Capacity { get; set; }

    /// <summary>Expected hours, one decimal at most.</summary>
    public double? Hours { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>Set when an offer manager deactivates it: it leaves matching but stays for existing enrolments.</summary>
    public DateTime? DeactivatedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Raised on every change; a stale edit form is refused.</summary>
    public int Version { get; set; }

    /// <summary>Partner municipalities whose case workers may use it (intermunicipal offer).</summary>
    public List<ActivityShare> SharedWith { get; set; } = [];

    public IEnumerable<string> LanguageCodes => (Languages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Open for new enrolments on <paramref name="day"/>: not deactivated and within Van–Tot.</summary>
    public bool IsActiveOn(DateOnly day) => IsActiveOn(DeactivatedAt is not null, From, To, day);

    /// <summary>THE rule of when an activity is open (not deactivated, within `Van`–`Tot`, contract §7), for every shape that carries it.</summary>
    public static bool IsActiveOn(bool deactivated, DateOnly? from, DateOnly? to, DateOnly day) =>
        !deactivated && (from is null || from <= day) && (to is null || day <= to);
}

/// <summary>An activity shared with a partner municipality.</summary>
public sealed class ActivityShare
{
    public int ActivityId { get; set; }

    public int MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }
}
