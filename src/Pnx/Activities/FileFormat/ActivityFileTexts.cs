using System.Globalization;
using Pnx.Imports.Validation;
using Pnx.Newcomers;

namespace Pnx.Activities.FileFormat;

/// <summary>
/// The Dutch reasons of the activity file's problems. Values of the activity file are the organiser's public
/// information, not personal data of newcomers, so a rejected value is quoted (shortened) together with
/// what is expected.
/// </summary>
internal static class ActivityFileTexts
{
    public const string Required = "is verplicht maar leeg";

    public static readonly string CategoryList = string.Join(", ", NewcomerLabels.Interests.Take(8).Select(i => i.Label));

    public static string Q(string value) => TextRules.Quote(value);

    /// <summary>The shared cell cleaning (<see cref="TextRules.Clean"/>) speaks English: its reasons in Dutch.</summary>
    public static string Cleaning(string reason) => reason switch
    {
        TextRules.Required => Required,
        TextRules.ControlCharacter => "bevat een stuurteken; alleen gewone tekst is toegestaan",
        TextRules.BidiCharacter => "bevat een teken dat de schrijfrichting omkeert; alleen gewone tekst is toegestaan",
        TextRules.InvalidCharacter => "bevat een ongeldig teken (een gebroken UTF-16-teken)",
        TextRules.LineBreak => "bevat een regeleinde; dat mag alleen in Omschrijving en tussen de waarden van Categorieën, Talen en Gedeeld met",
        _ => reason,
    };

    public static string TooLong(string value, int max) => string.Create(CultureInfo.InvariantCulture,
        $"{Q(value)} is {TextRules.CharacterCount(value)} tekens lang; hoogstens {max} tekens toegestaan");

    public static string NotAnId(string value) => $"{Q(value)} is geen activiteit-ID: verwacht het nummer uit een export, of leeg voor een nieuwe activiteit";

    public static string NotOwnActivity(string id, string nis, string name) =>
        $"{Q(id)} is geen activiteit van {nis} {name}; laat de kolom leeg voor een nieuwe activiteit";

    public static string DuplicateId(string id, int firstRow) => string.Create(CultureInfo.InvariantCulture,
        $"{Q(id)} staat ook al in rij {firstRow}; elke activiteit mag maar één keer in het bestand staan");

    public static string Email(string value) => $"{Q(value)} is geen geldig e-mailadres (bijvoorbeeld info@vereniging.be)";

    public static string Phone(string value) => $"{Q(value)} is geen geldig telefoonnummer (bijvoorbeeld 02 365 99 00 of +32 470 12 34 56)";

    public static string Postcode(string value) => $"{Q(value)} is geen Belgische postcode (vier cijfers, 1000-9999)";

    public static string UnknownCategory(string value) =>
        $"{Q(value)} is geen categorie; verwacht een nummer 1-8 of een van: {CategoryList} (gescheiden door | of ;)";

    public static string NeedIsNoCategory(string value) =>
        $"{Q(value)} is een nood, geen categorie; vul daarvoor de kolom Kinderopvang, Gezinsactiviteit of Gratis met ja";

    public static string GeenIsNoCategory => $"\"geen\" is geen categorie; een activiteit heeft minstens één van: {CategoryList}";

    public static string YesNo(string value) => $"{Q(value)} is niet ja of nee (leeg betekent nee)";

    public static string Level(string value) => $"{Q(value)} is geen niveau; verwacht geen, A1, A2, B1, B2, C1 of C2 (leeg betekent geen)";

    public static string Language(string value) =>
        $"{Q(value)} is geen gekende taal; verwacht een ISO 639-1- of 639-3-code of de Nederlandse naam (bijvoorbeeld Arabisch, uk, Tigrinya)";

    public const string TooManyLanguages = "bevat te veel talen (samen hoogstens 200 tekens aan taalcodes)";

    public static string Capacity(string value) => $"{Q(value)} is geen geheel getal van 1 tot 100000 (leeg betekent geen limiet)";

    public static string Hours(string value) =>
        $"{Q(value)} is geen aantal uren van 0,5 tot 1000 met hoogstens één decimaal (bijvoorbeeld 2,5)";

    public static string Date(string value, DateProblem problem) => problem == DateProblem.Impossible
        ? $"{Q(value)} is geen bestaande datum"
        : $"{Q(value)} is geen datum in de vorm dd/mm/jjjj of jjjj-mm-dd";

    public static string DateOutOfRange(string value) => $"{Q(value)} ligt niet tussen 2000 en 2100";

    public static string ToBeforeFrom(string to, DateOnly from) => string.Create(CultureInfo.InvariantCulture,
        $"{Q(to)} ligt vóór Van ({from:dd/MM/yyyy}); Tot mag niet vóór Van liggen");

    public static string Nis(string value) => $"{Q(value)} is geen NIS-code (vijf cijfers, bijvoorbeeld 23088)";

    public static string UnknownMunicipality(string nis) => $"{Q(nis)} is geen gemeente in dit systeem; verwacht de NIS-code van een partnergemeente";

    public static string OwnMunicipality(string nis) => $"{Q(nis)} is uw eigen gemeente; vul alleen partnergemeenten in";

    public static string MoreProblems(int count) => string.Create(CultureInfo.InvariantCulture, $"... en nog {count} problemen");
}
