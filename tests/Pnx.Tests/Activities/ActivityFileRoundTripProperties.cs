using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pnx.Activities;
using Pnx.Activities.FileFormat;
using Pnx.Imports.Reading;
using Pnx.Imports.Validation;
using Pnx.Newcomers;

namespace Pnx.Tests.Activities;

/// <summary>
/// Contract §7: an export always imports back unchanged. For any activity the rules accept, the exported row (CSV
/// and .xlsx, through the real writers, the shared reader and the activity rules) reads back to the same values.
/// </summary>
public class ActivityFileRoundTripProperties
{
    [Property(MaxTest = 200)]
    public Property AnyActivityExportedAsCsvReadsBackToTheSameValues() =>
        Prop.ForAll(Activities().ToArbitrary(), activity => AssertRoundTrip(activity, "csv"));

    [Property(MaxTest = 60)]
    public Property AnyActivityExportedAsXlsxReadsBackToTheSameValues() =>
        Prop.ForAll(Activities().ToArbitrary(), activity => AssertRoundTrip(activity, "xlsx"));

    private static void AssertRoundTrip((int Id, ActivityValues Values) activity, string format)
    {
        using var stream = new MemoryStream();
        ActivityFileWriter.Write(format, stream, [ActivityExportRows.ToRow(activity.Id, activity.Values)], CancellationToken.None);

        var read = NewcomerFileReader.Read(stream.ToArray(), ReaderLimits.Default, ActivityColumns.Sheet);
        Assert.Empty(read.Problems);
        var parsed = ActivityTableParser.Parse(read.Table!);

        Assert.Empty(parsed.Problems);
        var record = Assert.Single(parsed.Records);
        Assert.Equal(activity.Id, record.Id);
        Assert.Equal(activity.Values, record.Values);
    }

    private static Gen<(int, ActivityValues)> Activities() =>
        from id in Gen.Choose(1, 1_000_000)
        from title in Text(150)
        from description in Optional(Lines())
        from organiser in Text(150)
        from person in Optional(Text(100))
        from email in Optional(from local in Word("abcXYZ019._+-", 1, 20)
                               from domain in Word("abcxyz019", 1, 20)
                               where local[0] != '.' && local[^1] != '.' && !local.Contains("..", StringComparison.Ordinal)
                               select local + "@" + domain + ".be")
        from phone in Optional(Gen.Choose(0, 9_999_999).Select(n => "+3247" + n.ToString("D7", CultureInfo.InvariantCulture)))
        from address in Optional(Text(150))
        from postcode in Optional(Gen.Choose(1000, 9999).Select(n => n.ToString(CultureInfo.InvariantCulture)))
        from city in Optional(Text(100))
        from categories in Gen.Choose(1, 255).Select(bits => (InterestsAndNeeds)(bits << 1))
        from childcare in Gen.Elements(true, false)
        from family in Gen.Elements(true, false)
        from free in Gen.Elements(true, false)
        from level in Gen.Elements(Enum.GetValues<DutchLevel>())
        from languages in Gen.SubListOf(LanguageRule.Keys.Values.Distinct().Order(StringComparer.Ordinal).Take(40).ToArray())
        from capacity in Gen.Frequency((1, Gen.Constant((int?)null)), (3, Gen.Choose(1, 100_000).Select(n => (int?)n)))
        from tenths in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(5, 10_000)))
        from start in Gen.Frequency((1, Gen.Constant((DateOnly?)null)), (3, Gen.Choose(0, 36_000).Select(d => (DateOnly?)new DateOnly(2000, 1, 1).AddDays(d))))
        from span in Gen.Frequency((1, Gen.Constant((int?)null)), (3, Gen.Choose(0, 500).Select(d => (int?)d)))
        from partners in Gen.SubListOf(new[] { "11002", "12025", "23088", "44021", "71022" })
        let to = span is { } days ? (start ?? new DateOnly(2026, 1, 1)).AddDays(days) : (DateOnly?)null
        select (id, new ActivityValues(
            title, Null(description), organiser, Null(person), Null(email), Null(phone), Null(address), Null(postcode), Null(city),
            categories, childcare, family, free, level, ActivityValues.JoinCodes(languages), capacity,
            tenths == 0 ? null : tenths / 10.0, start, to,
            ActivityValues.JoinCodes(partners)));

    private static string? Null(string value) => value.Length == 0 ? null : value;

    private static Gen<string> Optional(Gen<string> value) => Gen.Frequency((1, Gen.Constant("")), (3, value));

    private static Gen<string> Word(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.Elements(alphabet.ToCharArray()).ArrayOf(length)
        select new string(chars);

    /// <summary>Text as stored: trimmed, composed, with formula triggers, quotes, delimiters and list separators inside.</summary>
    private static Gen<string> Text(int max) =>
        from prefix in Gen.Elements("", "", "", "=", "-", "+", "@", "'", "''", "'=")
        from first in Gen.Elements("AbcZéÉøÖçÇñßŁœЖжأب中\"|;,".ToCharArray())
        from middle in Word("abc xyz'-éèëüÅØßñ;|,\"/()&€Жжأبگچ中한", 0, Math.Min(max, 40) - 3)
        from last in Gen.Elements("aeiouéàüYZЖأ中\".;|".ToCharArray())
        select prefix + first + middle + last;

    private static Gen<string> Lines() =>
        from count in Gen.Choose(1, 4)
        from lines in Text(60).ArrayOf(count)
        select string.Join('\n', lines);
}
