using System.Text.RegularExpressions;
using Pnx.Imports;

namespace Pnx.Activities.FileFormat;

/// <summary>
/// The shared reader (<see cref="Imports.Reading.NewcomerFileReader"/>) words its problems in English, as the
/// contract's examples for the agency's export; the activity file is kept by municipal staff, who read Dutch.
/// A reason without a translation here is shown as the reader wrote it.
/// </summary>
internal static class ReaderTexts
{
    private static readonly (Regex Pattern, string Dutch)[] Translations =
    [
        (Exact("the file does not exist"), "het bestand bestaat niet"),
        (Exact("the file cannot be opened for reading"), "het bestand kan niet worden gelezen"),
        (new(@"^the file is larger than (?<n>[\d.,]+) MB$"), "het bestand is groter dan ${n} MB"),
        (Exact("the file is empty"), "het bestand is leeg"),
        (Exact("the sheet is empty"), "het werkblad is leeg"),
        (Exact("the file has a header but no data rows"), "het bestand heeft een kopregel maar geen rijen met activiteiten"),
        (Exact("the header row is empty"), "de kopregel is leeg"),
        (new(@"^the file has more than (?<n>[\d.,]+) data rows$"), "het bestand heeft meer dan ${n} rijen"),
        (new(@"^(the header )?has more than (?<n>[\d.,]+) columns$"), "heeft meer dan ${n} kolommen"),
        (new(@"^has (?<n>\d+) cells where the header has (?<m>\d+)$"), "heeft ${n} cellen waar de kopregel er ${m} heeft"),
        (new("^a quoted cell that starts in this row is never closed"), "een cel tussen aanhalingstekens die in deze rij begint, wordt nooit afgesloten (een ontbrekende \")"),
        (new(@"^the cell is longer than (?<n>[\d.,]+) characters$"), "de cel is langer dan ${n} tekens"),
        (new(@"^cell (?<c>[A-Z]+\d+) holds a formula"), "cel ${c} bevat een formule; vul de waarde zelf in (gegevens worden nooit door een rekenblad berekend)"),
        (new(@"^cell (?<c>[A-Z]+\d+) is longer than (?<n>[\d.,]+) characters$"), "cel ${c} is langer dan ${n} tekens"),
        (new(@"^cell (?<c>[A-Z]+\d+) holds a value in a column without a header$"), "cel ${c} bevat een waarde in een kolom zonder kop"),
        (new(@"^cell (?<c>[A-Z]+\d+) refers to a shared text"), "cel ${c} verwijst naar een tekst die niet in de werkmap staat"),
        (new(@"^cell (?<c>[A-Z]+\d+) holds an error value"), "cel ${c} bevat een foutwaarde in plaats van gegevens"),
        (new("^the file is an encrypted workbook or an old .xls file"), "het bestand is een beveiligde werkmap of een oud .xls-bestand; bewaar het als onbeveiligd .xlsx of als CSV"),
        (new("^the file is not a CSV or .xlsx file"), "het bestand is geen CSV- of .xlsx-bestand"),
        (new("^the file is a zip archive but not a readable .xlsx workbook"), "het bestand is een zip-archief maar geen leesbare .xlsx-werkmap; bewaar het als .xlsx of als CSV"),
        (new("^the workbook expands to far more data"), "de werkmap pakt uit tot veel meer gegevens dan ze bevat (een zipbom?); bewaar ze opnieuw als .xlsx of als CSV"),
        (new("^the workbook contains macros"), "de werkmap bevat macro's; bewaar ze als gewone .xlsx-werkmap (zonder macro's) of als CSV"),
        (new(@"^the workbook holds more than (?<n>[\d.,]+) parts"), "de werkmap bestaat uit meer dan ${n} delen; bewaar ze opnieuw als .xlsx of als CSV"),
        (new("^the sheet's rows are out of order"), "de rijen van het werkblad staan niet in volgorde; bewaar het opnieuw als .xlsx of als CSV"),
        (new("^the sheet to read is not a worksheet"), "het te lezen blad is geen werkblad (een grafiekblad?); zet de gegevens op een gewoon werkblad"),
    ];

    public static ImportProblem ToDutch(ImportProblem problem)
    {
        foreach (var (pattern, dutch) in Translations)
        {
            var match = pattern.Match(problem.Message);
            if (match.Success) return problem with { Message = match.Result(dutch) };
        }

        return problem;
    }

    private static Regex Exact(string text) => new("^" + Regex.Escape(text) + "$", RegexOptions.CultureInvariant);
}
