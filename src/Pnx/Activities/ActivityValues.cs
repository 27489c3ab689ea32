using Pnx.Newcomers;

namespace Pnx.Activities;

/// <summary>
/// Every field of an activity that the activity file and the form carry (contract §7), normalised as stored:
/// compared as a whole to tell "updated" from "unchanged". <see cref="Languages"/> and <see cref="SharedWith"/>
/// are sorted, comma-separated codes, so that equal sets compare equal.
/// </summary>
public sealed record ActivityValues(
    string Title,
    string? Description,
    string Organiser,
    string? ContactPerson,
    string? ContactEmail,
    string? ContactPhone,
    string? Address,
    string? PostalCode,
    string? City,
    InterestsAndNeeds Categories,
    bool Childcare,
    bool FamilyActivity,
    bool Free,
    DutchLevel MinimumDutchLevel,
    string? Languages,
    int? Capacity,
    double? Hours,
    DateOnly? From,
    DateOnly? To,
    string? SharedWith)
{
    /// <summary>NIS codes of the partner municipalities.</summary>
    public IReadOnlyList<string> SharedWithCodes => Split(SharedWith);

    public static ActivityValues Of(Activity a, IEnumerable<string> sharedWithNis) => new(
        a.Title, a.Description, a.Organiser, a.ContactPerson, a.ContactEmail, a.ContactPhone, a.Address, a.PostalCode, a.City,
        a.Categories, a.Childcare, a.FamilyActivity, a.Free, a.MinimumDutchLevel, a.Languages, a.Capacity, a.Hours, a.From, a.To,
        JoinCodes(sharedWithNis));

    /// <summary>Copies every field but the partners (which are rows of their own) onto <paramref name="activity"/>.</summary>
    public void ApplyTo(Activity activity)
    {
        activity.Title = Title;
        activity.Description = Description;
        activity.Organiser = Organiser;
        activity.ContactPerson = ContactPerson;
        activity.ContactEmail = ContactEmail;
        activity.ContactPhone = ContactPhone;
        activity.Address = Address;
        activity.PostalCode = PostalCode;
        activity.City = City;
        activity.Categories = Categories;
        activity.Childcare = Childcare;
        activity.FamilyActivity = FamilyActivity;
        activity.Free = Free;
        activity.MinimumDutchLevel = MinimumDutchLevel;
        activity.Languages = Languages;
        activity.Capacity = Capacity;
        activity.Hours = Hours;
        activity.From = From;
        activity.To = To;
    }

    /// <summary>Sorted, distinct, comma-separated; null for none.</summary>
    public static string? JoinCodes(IEnumerable<string> codes)
    {
        var sorted = codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? null : string.Join(',', sorted);
    }

    public static IReadOnlyList<string> Split(string? codes) => (codes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
}
