using Pnx.Imports.Validation;

namespace Pnx.Activities.FileFormat;

/// <summary>
/// The columns of the activity file (contract §7), exactly as written there. Import refuses any other
/// column; export writes exactly these, in this order, so an export imports back unchanged.
/// </summary>
public static class ActivityColumns
{
    public const string Id = "Activiteit-ID";
    public const string Title = "Titel";
    public const string Description = "Omschrijving";
    public const string Organiser = "Organisator";
    public const string ContactPerson = "Contactpersoon";
    public const string ContactEmail = "Contact e-mail";
    public const string ContactPhone = "Contact telefoon";
    public const string Address = "Adres";
    public const string PostalCode = "Postcode";
    public const string City = "Woonplaats";
    public const string Categories = "Categorieën";
    public const string Childcare = "Kinderopvang";
    public const string FamilyActivity = "Gezinsactiviteit";
    public const string Free = "Gratis";
    public const string MinimumDutchLevel = "Minimum niveau Nederlands";
    public const string Languages = "Talen";
    public const string Capacity = "Capaciteit";
    public const string Hours = "Uren";
    public const string From = "Van";
    public const string To = "Tot";
    public const string SharedWith = "Gedeeld met";

    /// <summary>The sheet an .xlsx activity file keeps its rows on (else the first sheet is read).</summary>
    public const string Sheet = "Activiteiten";

    public static readonly IReadOnlyList<string> All =
    [
        Id, Title, Description, Organiser, ContactPerson, ContactEmail, ContactPhone, Address, PostalCode, City,
        Categories, Childcare, FamilyActivity, Free, MinimumDutchLevel, Languages, Capacity, Hours, From, To, SharedWith,
    ];

    public static readonly IReadOnlyList<string> Required = [Title, Organiser, Categories];

    internal static readonly ColumnSet Set = new(All, Required, new HeaderTexts(
        column => $"kolom {column.ToString(System.Globalization.CultureInfo.InvariantCulture)} heeft geen kop; elke kolom moet een kolom van het activiteitenbestand zijn",
        allowed => "is geen kolom van het activiteitenbestand (contract §7); toegestane kolommen: " + allowed,
        (first, second) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"komt meer dan eens voor (kolommen {first} en {second})"),
        "is een verplichte kolom maar ontbreekt in het bestand"));
}
