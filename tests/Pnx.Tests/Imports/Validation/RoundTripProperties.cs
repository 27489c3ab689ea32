using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pnx.Imports;
using Pnx.Imports.Validation;
using Pnx.Newcomers;

namespace Pnx.Tests.Imports.Validation;

public class RoundTripProperties
{
    private static readonly string[] Headers = [.. NewcomerColumns.All];

    [Property(MaxTest = 300)]
    public Property ValidRowsParseToRecordsThatReserialiseIdentically() =>
        Prop.ForAll(ValidRow().ToArbitrary(), cells =>
        {
            var result = NewcomerTableParser.Parse(new RawTable(Headers, [new RawRow(2, cells)]), Tables.Today);

            Assert.Empty(result.Problems);
            Assert.Equal(cells, Serialise(Assert.Single(result.Records)));
        });

    /// <summary>What the export writes for a record (contract §5), in the column order of the contract.</summary>
    private static string[] Serialise(NewcomerRecord r) =>
    [
        r.DossierNumber, Neutralise(r.Values.FamilyName), Neutralise(r.Values.GivenNames), Neutralise(r.Values.Street), Neutralise(r.Values.HouseNumber),
        Neutralise(r.Values.Box), r.Values.PostalCode ?? "", Neutralise(r.Values.City), r.Values.Phone ?? "", Neutralise(r.Values.Email), r.Values.ContactLanguage ?? "",
        r.Values.DutchLevel?.Label() ?? "", r.Values.CivicOrientationStatus?.Label() ?? "", r.Values.Interests.Label(),
        r.CertificateDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r.MunicipalityNis ?? "",
    ];

    private static string Neutralise(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value ?? "";

    private static Gen<string[]> ValidRow() =>
        from dossier in Word("ABCXYZabcxyz0189-_/", 1, 32)
        from family in Name(100)
        from given in Name(100)
        from street in Optional(Name(150))
        from house in Optional(Word("0123456789abAB", 1, 10))
        from box in Optional(Word("0123456789abAB", 1, 10))
        from postcode in Optional(Gen.Choose(1000, 9999).Select(Invariant))
        from city in Optional(Name(100))
        from phone in Optional(Gen.Choose(0, 9_999_999).Select(n => "+3247" + n.ToString("D7", CultureInfo.InvariantCulture)))
        from email in Optional(from local in Word("abcXYZ019._+-", 1, 20)
                               from domain in Word("abcxyz019", 1, 20)
                               where local[0] != '.' && local[^1] != '.' && !local.Contains("..", StringComparison.Ordinal)
                               select Neutralise(local + "@" + domain + ".be"))
        from language in Optional(Gen.Elements(LanguageRule.Keys.Values.Distinct().Order(StringComparer.Ordinal).ToArray()))
        from level in Optional(Gen.Elements(Enum.GetValues<DutchLevel>()).Select(l => l.Label()))
        from status in Optional(Gen.Elements(Enum.GetValues<CivicOrientationStatus>()).Select(s => s.Label()))
        from interests in Gen.Choose(0, (1 << 12) - 1).Select(bits =>
            ((InterestsAndNeeds)bits & InterestsAndNeeds.Geen) != 0 ? InterestsAndNeeds.Geen : (InterestsAndNeeds)bits)
        from date in Optional(Gen.Choose(0, Tables.Today.DayNumber - new DateOnly(2000, 1, 1).DayNumber)
            .Select(d => new DateOnly(2000, 1, 1).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
        from nis in Optional(Gen.Choose(0, 99999).Select(n => n.ToString("D5", CultureInfo.InvariantCulture)))
        select new[]
        {
            dossier, family, given, street, house, box, postcode, city, phone, email, language,
            level, status, interests.Label(), date, nis,
        };

    private static Gen<string> Optional(Gen<string> value) =>
        Gen.Frequency((1, Gen.Constant("")), (3, value));

    private static Gen<string> Word(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.Elements(alphabet.ToCharArray()).ArrayOf(length)
        select new string(chars);

    /// <summary>Names as they occur: letters of Western and other scripts, inner spaces, apostrophes, hyphens.</summary>
    private static Gen<string> Name(int max) =>
        from prefix in Gen.Elements("", "", "", "=", "-", "+", "@")
        from first in Gen.Elements("AbcZéÉøÖçÇñßĳŁœŒЖжأبت中文".ToCharArray())
        from middle in Word("abc xyz'-éèëÿüÅØßñçšžŠЖжأبتگچ中文한", 0, Math.Min(max, 30) - 3)
        from last in Gen.Elements("aeiouéàüYZЖأ中".ToCharArray())
        select Neutralise(prefix + first + middle + last);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
