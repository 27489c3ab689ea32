using Pnx.Activities.FileFormat;
using Pnx.Imports;

namespace Pnx.Activities.Pages;

/// <summary>What the form partial needs: the values, the problems per column, the partner municipalities to choose from.</summary>
public sealed record ActivityFormView(
    ActivityForm Form, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<(string Nis, string Name)> Partners, string Submit, string Cancel)
{
    /// <summary>The id of the input for a column, so that the summary can link to it.</summary>
    public static string FieldId(string column) => column switch
    {
        ActivityColumns.Title => "titel",
        ActivityColumns.Description => "omschrijving",
        ActivityColumns.Organiser => "organisator",
        ActivityColumns.ContactPerson => "contactpersoon",
        ActivityColumns.ContactEmail => "contact-email",
        ActivityColumns.ContactPhone => "contact-telefoon",
        ActivityColumns.Address => "adres",
        ActivityColumns.PostalCode => "postcode",
        ActivityColumns.City => "woonplaats",
        ActivityColumns.Categories => "categorieen",
        ActivityColumns.Childcare => "kinderopvang",
        ActivityColumns.FamilyActivity => "gezinsactiviteit",
        ActivityColumns.Free => "gratis",
        ActivityColumns.MinimumDutchLevel => "niveau",
        ActivityColumns.Languages => "talen",
        ActivityColumns.Capacity => "capaciteit",
        ActivityColumns.Hours => "uren",
        ActivityColumns.From => "van",
        ActivityColumns.To => "tot",
        ActivityColumns.SharedWith => "gedeeld-met",
        _ => "titel",
    };

    public IReadOnlyList<string> ErrorsOf(string column) =>
        Problems.Where(p => p.Column == column).Select(p => p.Message).ToList();

    /// <summary>aria-describedby for a field: its hint and, when there is one, its error.</summary>
    public string DescribedBy(string column, bool hint = false)
    {
        var ids = new List<string>();
        if (hint) ids.Add(FieldId(column) + "-hulp");
        if (ErrorsOf(column).Count > 0) ids.Add(FieldId(column) + "-fout");
        return string.Join(' ', ids);
    }
}
