using System.Globalization;
using Pnx.Activities.FileFormat;
using Pnx.Imports;
using Pnx.Newcomers;

namespace Pnx.Activities.Pages;

/// <summary>
/// The create and edit form: every field of the activity file (contract §7), as text the way a person types it.
/// It is checked by the very rules of the file (<see cref="ActivityTableParser.ParseOne"/>), so the form and the
/// file can never disagree about what a valid activity is.
/// </summary>
public sealed class ActivityForm
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Organiser { get; set; }

    public string? ContactPerson { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public string? Address { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    /// <summary>Numbers 1–8 of the interests the activity serves.</summary>
    public List<int> Categories { get; set; } = [];

    public bool Childcare { get; set; }

    public bool FamilyActivity { get; set; }

    public bool Free { get; set; }

    /// <summary>geen, A1 … C2.</summary>
    public string? MinimumDutchLevel { get; set; }

    /// <summary>Languages separated by ';' or '|', as in the file.</summary>
    public string? Languages { get; set; }

    public string? Capacity { get; set; }

    public string? Hours { get; set; }

    /// <summary>yyyy-mm-dd from a date input, or dd/mm/yyyy typed where the browser has no date picker.</summary>
    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>NIS codes of partner municipalities.</summary>
    public List<string> SharedWith { get; set; } = [];

    /// <summary>The activity's version when the form was loaded: a stale edit is refused.</summary>
    public int Version { get; set; }

    public static ActivityForm Of(ActivityValues v, int version) => new()
    {
        Title = v.Title, Description = v.Description, Organiser = v.Organiser, ContactPerson = v.ContactPerson,
        ContactEmail = v.ContactEmail, ContactPhone = v.ContactPhone, Address = v.Address, PostalCode = v.PostalCode, City = v.City,
        Categories = NewcomerLabels.Interests.Take(8).Select((item, i) => (item.Value, Number: i + 1))
            .Where(c => v.Categories.HasFlag(c.Value)).Select(c => c.Number).ToList(),
        Childcare = v.Childcare, FamilyActivity = v.FamilyActivity, Free = v.Free,
        MinimumDutchLevel = v.MinimumDutchLevel.Label(),
        Languages = string.Join("; ", ActivityValues.Split(v.Languages)),
        Capacity = v.Capacity?.ToString(CultureInfo.InvariantCulture),
        Hours = v.Hours is { } h ? ActivityHours.Format(h) : null,
        From = v.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        To = v.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        SharedWith = [.. v.SharedWithCodes],
        Version = version,
    };

    /// <summary>The form as one row of the activity file, cells in <see cref="ActivityColumns.All"/> order.</summary>
    public string[] Cells() => ActivityColumns.All.Select(column => column switch
    {
        ActivityColumns.Id => "",
        ActivityColumns.Title => Title,
        ActivityColumns.Description => Description,
        ActivityColumns.Organiser => Organiser,
        ActivityColumns.ContactPerson => ContactPerson,
        ActivityColumns.ContactEmail => ContactEmail,
        ActivityColumns.ContactPhone => ContactPhone,
        ActivityColumns.Address => Address,
        ActivityColumns.PostalCode => PostalCode,
        ActivityColumns.City => City,
        ActivityColumns.Categories => string.Join('|', Categories.Distinct().Order().Select(c => c.ToString(CultureInfo.InvariantCulture))),
        ActivityColumns.Childcare => ActivityExportRows.YesNo(Childcare),
        ActivityColumns.FamilyActivity => ActivityExportRows.YesNo(FamilyActivity),
        ActivityColumns.Free => ActivityExportRows.YesNo(Free),
        ActivityColumns.MinimumDutchLevel => MinimumDutchLevel,
        ActivityColumns.Languages => Languages,
        ActivityColumns.Capacity => Capacity,
        ActivityColumns.Hours => Hours,
        ActivityColumns.From => From,
        ActivityColumns.To => To,
        ActivityColumns.SharedWith => string.Join('|', SharedWith),
        _ => throw new InvalidOperationException($"Column \"{column}\" has no form field."),
    } ?? "").ToArray();

    /// <summary>Validates the form; the problems are keyed by the column they concern.</summary>
    public (ActivityValues? Values, IReadOnlyList<ImportProblem> Problems) Validate()
    {
        var (record, problems) = ActivityTableParser.ParseOne(Cells());
        return (record?.Values, problems);
    }
}
