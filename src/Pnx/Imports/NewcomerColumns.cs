namespace Pnx.Imports;

/// <summary>
/// The columns of the agency's export (contract §4): the protocol's whitelist (article 3) plus the
/// processing keys. Import refuses any other column; export writes exactly these, in this order.
/// The names are here for code that means one column; what each column is lives in <see cref="NewcomerFields"/>.
/// </summary>
public static class NewcomerColumns
{
    public const string DossierNumber = "Dossiernummer";
    public const string FamilyName = "Naam";
    public const string GivenNames = "Voornaam";
    public const string Street = "Straat";
    public const string HouseNumber = "Huisnummer";
    public const string Box = "Bus";
    public const string PostalCode = "Postcode";
    public const string City = "Woonplaats";
    public const string Phone = "Telefoon";
    public const string Email = "E-mail";
    public const string ContactLanguage = "Contacttaal";
    public const string DutchLevel = "Niveau Nederlands";
    public const string CivicOrientation = "Status MO";
    public const string Interests = "Interesses en noden";
    public const string CertificateDate = "Datum inburgeringsattest";
    public const string MunicipalityNis = "NIS-code gemeente";

    /// <summary>Every column, in the export's order: the fields of <see cref="NewcomerFields"/>, then the municipality.</summary>
    public static readonly IReadOnlyList<string> All = [.. NewcomerFields.Imported.Select(f => f.Column!), MunicipalityNis];

    public static readonly IReadOnlyList<string> Required = [.. NewcomerFields.Imported.Where(f => f.Required).Select(f => f.Column!)];
}
