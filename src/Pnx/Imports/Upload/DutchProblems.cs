using System.Globalization;
using System.Text.RegularExpressions;
using Pnx.Hosting;

namespace Pnx.Imports.Upload;

/// <summary>
/// The import's problems as the upload page shows them: in Dutch, naming the row, the column, the refused value (only
/// where the CLI text already quotes it: never a personal value) and what is expected; a policy refusal points to the
/// control on this page, never to a CLI flag. The CLI keeps its contract text (<see cref="ImportProblem.Format"/>);
/// this reads that text back, so the two can never disagree on which row, column or value is meant.
/// </summary>
public static partial class DutchProblems
{
    /// <summary>The label of the upload page's checkbox that allows a mass withdrawal.</summary>
    public const string MassWithdrawalControl = "Massale intrekking toestaan";

    /// <summary>The label of the upload page's municipality select.</summary>
    public const string MunicipalityControl = "Gemeente";

    private static readonly (Regex English, Func<Match, string> Dutch)[] Reasons =
    [
        (R("^is required but empty$"), _ => "is verplicht maar leeg; vul een waarde in"),
        (R("^contains a control character$"), _ => "bevat een stuurteken; alleen gewone tekst is toegestaan"),
        (R("^contains a bidirectional control character$"), _ => "bevat een teken dat de schrijfrichting omkeert; alleen gewone tekst is toegestaan"),
        (R("^contains an invalid character \\(a broken UTF-16 surrogate\\)$"), _ => "bevat een ongeldig teken (een gebroken UTF-16-teken); sla het bestand opnieuw op als UTF-8"),
        (R("^contains a line break, which is only allowed between values in \"Interesses en noden\"$"), _ => "bevat een regeleinde; dat mag alleen tussen de waarden van \"Interesses en noden\""),
        (R("^(?:the cell )?is longer than (?<n>[\\d,]+) characters$"), m => $"is langer dan {N(m)} tekens; hoogstens {N(m)} tekens toegestaan"),
        (R("^may only hold the letters A-Z and a-z, digits, '-', '_' and '/'$"), _ => "mag alleen de letters A-Z en a-z, cijfers, '-', '_' en '/' bevatten"),
        (R("^is not a Belgian postcode \\(four digits, 1000-9999\\)$"), _ => "is geen Belgische postcode; verwacht: vier cijfers, van 1000 tot 9999"),
        (R("^(?<v>\".*\") is not a NIS code \\(five digits\\)$"), m => $"{V(m)} is geen NIS-code; verwacht: vijf cijfers, bijvoorbeeld 23027"),
        (R("^is not a valid phone number$"), _ => "is geen geldig telefoonnummer; verwacht: een Belgisch nummer zoals 0470 12 34 56, of een buitenlands nummer met + en landcode"),
        (R("^is not a valid e-mail address$"), _ => "is geen geldig e-mailadres; verwacht: iets als naam@voorbeeld.be"),
        (R("^is not a date in the form dd/mm/yyyy or yyyy-mm-dd$"), _ => "is geen datum; verwacht: dd/mm/jjjj of jjjj-mm-dd"),
        (R("^is not an existing date$"), _ => "is geen bestaande datum; verwacht: een echte kalenderdag"),
        (R("^lies in the future$"), _ => "ligt in de toekomst; verwacht: een datum tot en met vandaag"),
        (R("^lies before 01/01/2000, which is not plausible for a civic integration certificate$"), _ => "ligt vóór 01/01/2000; verwacht: de datum van het inburgeringsattest, vanaf 01/01/2000"),
        (R("^(?<v>\".*\") is not a known language \\(an ISO 639-1 or 639-3 code, or the Dutch name\\)$"), m => $"{V(m)} is geen gekende taal; verwacht: een ISO 639-1- of 639-3-code of de Nederlandse naam, bijvoorbeeld \"uk\" of \"Oekraïens\""),
        (R("^(?<v>\".*\") is not one of the protocol's interests and needs \\(1-11 or their labels\\) or geen$"), m => $"{V(m)} is geen van de interesses en noden van het protocol; verwacht: 1 tot 11 of hun namen, of \"geen\""),
        (R("^\"geen\" cannot be combined with other interests and needs$"), _ => "\"geen\" kan niet samen met andere interesses en noden; verwacht: \"geen\" alleen, of alleen interesses en noden"),
        (R("^(?<v>\".*\") is not one of (?<list>.+)$"), m => $"{V(m)} staat niet in de lijst; verwacht: één van {m.Groups["list"].Value}"),
        (R("^column (?<n>\\d+) has no header; every column must be one the protocol allows \\(article 3\\)$"), m => $"kolom {m.Groups["n"].Value} heeft geen kopje; elke kolom moet er een zijn die het protocol toelaat (artikel 3)"),
        (R("^is not allowed by the protocol's whitelist \\(article 3\\); allowed columns are (?<list>.+)$"), m => $"is niet toegestaan door het protocol (artikel 3); verwacht: alleen de kolommen {m.Groups["list"].Value}"),
        (R("^appears more than once \\(columns (?<a>\\d+) and (?<b>\\d+)\\)$"), m => $"komt meer dan eens voor (kolommen {m.Groups["a"].Value} en {m.Groups["b"].Value}); verwacht: elke kolom één keer"),
        (R("^is a required column but the file does not have it$"), _ => "is een verplichte kolom, maar het bestand heeft ze niet; voeg ze toe"),
        (R("^is the same dossier number as row (?<n>\\d+)$"), m => $"is hetzelfde dossiernummer als in rij {m.Groups["n"].Value}; verwacht: elk dossiernummer één keer"),
        (R("^\\.\\.\\. and (?<n>\\d+) more problems$"), m => $"… en nog {m.Groups["n"].Value} problemen; verbeter eerst deze"),
        (R("^no municipality: the file has no \"NIS-code gemeente\" values; give --municipality$"), _ =>
            $"het bestand zegt niet voor welke gemeente het is: het heeft geen kolom \"NIS-code gemeente\" of die is leeg. Kies de gemeente in het veld \"{MunicipalityControl}\" en vraag het voorbeeld opnieuw"),
        (R("^no municipality: fill the column or give --municipality$"), _ => $"geen gemeente: vul de kolom in, of laat de kolom weg en kies de gemeente in het veld \"{MunicipalityControl}\""),
        (R("^\"(?<v>\\d{5})\" differs from --municipality (?<d>\\d{5})$"), m =>
            $"\"{m.Groups["v"].Value}\" verschilt van de gekozen gemeente {m.Groups["d"].Value}; laat het veld \"{MunicipalityControl}\" leeg of verbeter de kolom"),
        (R("^municipality (?<nis>\\S+) is unknown; no data can be shared with it$"), m => $"gemeente {m.Groups["nis"].Value} is onbekend; er kunnen geen gegevens mee gedeeld worden"),
        (R("^municipality (?<nis>\\d{5}) (?<name>.+) has no active protocol on (?<d>\\d{4}-\\d{2}-\\d{2}); no data are shared with it$"), m =>
            $"gemeente {m.Groups["nis"].Value} {m.Groups["name"].Value} heeft op {Day(m.Groups["d"].Value)} geen actief protocol; er worden geen gegevens mee gedeeld"),
        (R("^this snapshot would withdraw (?<n>\\d+) of the (?<total>\\d+) newcomers of (?<nis>\\d{5}) (?<name>.+); if that is intended, repeat with --allow-mass-withdrawal$"), m =>
            $"deze momentopname zou {m.Groups["n"].Value} van de {m.Groups["total"].Value} inburgeraars van {m.Groups["nis"].Value} {m.Groups["name"].Value} intrekken. "
            + $"Is dat de bedoeling, vink dan \"{MassWithdrawalControl}\" aan en vraag het voorbeeld opnieuw"),
        (R("^a quoted cell that starts in this row is never closed \\(a missing \"\\)$"), _ => "een cel tussen aanhalingstekens die in deze rij begint, wordt nooit gesloten (er ontbreekt een \")"),
        (R("^has more than (?<n>[\\d,]+) columns$"), m => $"heeft meer dan {N(m)} kolommen"),
        (R("^has (?<a>\\d+) cells where the header has (?<b>\\d+)$"), m => $"heeft {m.Groups["a"].Value} cellen waar de kopregel er {m.Groups["b"].Value} heeft; verwacht: evenveel cellen als kolommen"),
        (R("^the header row is empty$"), _ => "de kopregel is leeg; verwacht: de kolomnamen van het protocol"),
        (R("^the header has more than (?<n>[\\d,]+) columns$"), m => $"de kopregel heeft meer dan {N(m)} kolommen"),
        (R("^cell (?<c>[A-Z]+\\d+) holds a formula; personal data are never computed by a spreadsheet$"), m => $"cel {m.Groups["c"].Value} bevat een formule; verwacht: een gewone waarde (persoonsgegevens worden nooit door een rekenblad berekend)"),
        (R("^cell (?<c>[A-Z]+\\d+) is longer than (?<n>[\\d,]+) characters$"), m => $"cel {m.Groups["c"].Value} is langer dan {N(m)} tekens"),
        (R("^cell (?<c>[A-Z]+\\d+) holds a value in a column without a header$"), m => $"cel {m.Groups["c"].Value} bevat een waarde in een kolom zonder kopje"),
        (R("^cell (?<c>[A-Z]+\\d+) refers to a shared text that the workbook does not hold$"), m => $"cel {m.Groups["c"].Value} verwijst naar een gedeelde tekst die de werkmap niet bevat; sla de werkmap opnieuw op"),
        (R("^cell (?<c>[A-Z]+\\d+) holds an error value instead of data$"), m => $"cel {m.Groups["c"].Value} bevat een foutwaarde in plaats van gegevens"),
        (R("^the file (?:does not exist|does not exist or cannot be read|cannot be opened for reading)$"), _ => "het bestand kan niet gelezen worden; laad het opnieuw op"),
        (R("^the file is empty$"), _ => "het bestand is leeg"),
        (R("^the sheet is empty$"), _ => "het werkblad is leeg"),
        (R("^the file has a header but no data rows$"), _ => "het bestand heeft een kopregel maar geen gegevens"),
        (R("^the file has more than (?<n>[\\d,]+) data rows$"), m => $"het bestand heeft meer dan {N(m)} rijen gegevens; splits het op"),
        (R("^the file is larger than (?<n>[\\d,]+) MB$"), m => $"het bestand is groter dan {N(m)} MB"),
        (R("^the file is an encrypted workbook or an old \\.xls file; save it as an unencrypted \\.xlsx or as CSV$"), _ => "het bestand is een beveiligde werkmap of een oud .xls-bestand; sla het op als onbeveiligde .xlsx of als CSV"),
        (R("^the file is not a CSV or \\.xlsx file$"), _ => "het bestand is geen CSV- of .xlsx-bestand"),
        (R("^the file is a zip archive but not a readable \\.xlsx workbook; save it as \\.xlsx or as CSV$"), _ => "het bestand is een zip-archief maar geen leesbare .xlsx-werkmap; sla het op als .xlsx of als CSV"),
        (R("^the workbook expands to far more data than it holds \\(a zip bomb\\?\\); save it again as \\.xlsx or as CSV$"), _ => "de werkmap pakt uit tot veel meer gegevens dan ze bevat; sla ze opnieuw op als .xlsx of als CSV"),
        (R("^the workbook contains macros; save it as a plain \\.xlsx workbook \\(without macros\\) or as CSV$"), _ => "de werkmap bevat macro's; sla ze op als gewone .xlsx (zonder macro's) of als CSV"),
        (R("^the workbook holds more than (?<n>[\\d,]+) parts; save it again as \\.xlsx or as CSV$"), m => $"de werkmap bestaat uit meer dan {N(m)} delen; sla ze opnieuw op als .xlsx of als CSV"),
        (R("^the sheet's rows are out of order or badly numbered; save it again as \\.xlsx or as CSV$"), _ => "de rijen van het werkblad staan in de verkeerde volgorde of zijn slecht genummerd; sla het opnieuw op als .xlsx of als CSV"),
        (R("^the sheet to read is not a worksheet \\(a chart sheet\\?\\); put the data in a normal sheet$"), _ => "het werkblad is geen gewoon werkblad (een grafiekblad?); zet de gegevens in een gewoon werkblad"),
    ];

    /// <summary>One problem of the import outcome (a line <c>file: row R, column "C": reason</c>) in Dutch; English for an English page.</summary>
    public static string Render(string problem, string? fileName) =>
        UiText.IsEnglish ? problem : Dutch(problem, fileName, out _);

    /// <summary>The Dutch rendering; <paramref name="translated"/> is false when the reason is not one the import gives (then it is kept as it is).</summary>
    public static string Dutch(string problem, string? fileName, out bool translated)
    {
        var text = fileName is not null && problem.StartsWith(fileName + ": ", StringComparison.Ordinal) ? problem[(fileName.Length + 2)..] : problem;
        var location = Location().Match(text);
        var reason = location.Success ? text[location.Length..] : text;
        translated = TryTranslate(reason, out var dutch);
        var where = (location.Groups["row"].Success, location.Groups["column"].Success) switch
        {
            (true, true) => $"Rij {Row(location)}, kolom \"{location.Groups["column"].Value}\": ",
            (true, false) => $"Rij {Row(location)}: ",
            (false, true) => $"Kolom \"{location.Groups["column"].Value}\": ",
            _ => "",
        };
        return where + (where.Length == 0 ? char.ToUpper(dutch[0], UiText.Dutch) + dutch[1..] : dutch) + ".";
    }

    /// <summary>The Dutch of one English reason; false when it is not one the import gives (then the page shows it as it is).</summary>
    public static bool TryTranslate(string reason, out string dutch)
    {
        foreach (var (english, translate) in Reasons)
        {
            var match = english.Match(reason);
            if (match.Success)
            {
                dutch = translate(match);
                return true;
            }
        }

        dutch = reason;
        return false;
    }

    private static string Row(Match location) =>
        location.Groups["row"].Value == "1" ? "1 (de kopregel)" : location.Groups["row"].Value;

    private static string V(Match m) => m.Groups["v"].Value;

    private static string N(Match m) =>
        long.TryParse(m.Groups["n"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) ? n.ToString("N0", UiText.Dutch) : m.Groups["n"].Value;

    private static string Day(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static Regex R(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));

    [GeneratedRegex("^(?:row (?<row>\\d+)(?:, column \"(?<column>[^\"]*)\")?|column \"(?<column>[^\"]*)\"): ", RegexOptions.CultureInvariant)]
    private static partial Regex Location();
}
