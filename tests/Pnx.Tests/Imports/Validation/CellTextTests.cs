using Pnx.Imports;
using Pnx.Newcomers;

namespace Pnx.Tests.Imports.Validation;

public class CellTextTests
{
    [Fact]
    public void ValuesAreTrimmedIncludingNonBreakingSpaces()
    {
        var record = Tables.Record((NewcomerColumns.FamilyName, " \u00A0Peeters\t "), (NewcomerColumns.City, "  Halle  "));

        Assert.Equal("Peeters", record.Values.FamilyName);
        Assert.Equal("Halle", record.Values.City);
    }

    [Fact]
    public void DecomposedNameIsStoredInNfc()
    {
        var decomposed = "He\u0301le\u0300ne";

        var record = Tables.Record((NewcomerColumns.GivenNames, decomposed));

        Assert.Equal("H\u00E9l\u00E8ne", record.Values.GivenNames);
        Assert.True(record.Values.GivenNames!.IsNormalized(System.Text.NormalizationForm.FormC));
    }

    /// <summary>
    /// The cleaning skips normalisation for text of NFC-inert characters only; that is right only if each of them
    /// is NFC alone, has combining class 0 (not a mark) and is never the second character of a canonical composition.
    /// </summary>
    [Fact]
    public void NfcInertCharactersAreNfcAndComposeWithNothing()
    {
        var inert = Enumerable.Range(0, 0xD800).Select(i => (char)i).Where(Pnx.Imports.Validation.TextRules.IsNfcInert).ToList();
        Assert.Contains('\u0131', inert); // ı of Yılmaz
        Assert.Contains('\u0436', inert); // ж
        Assert.Contains('\u0628', inert); // ب
        Assert.Contains('\u1200', inert); // ሀ
        foreach (var c in inert)
        {
            Assert.True(c.ToString().IsNormalized(System.Text.NormalizationForm.FormC), $"U+{(int)c:X4} is not NFC");
            Assert.False(System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark, $"U+{(int)c:X4} is a mark");
        }

        var inertSet = inert.ToHashSet();
        for (var x = 0; x < 0x10000; x++)
        {
            if (x is >= 0xD800 and <= 0xDFFF) continue;
            string decomposed;
            try
            {
                decomposed = ((char)x).ToString().Normalize(System.Text.NormalizationForm.FormD);
            }
            catch (ArgumentException)
            {
                continue; // a noncharacter (U+FFFE, U+FDD0 …): it decomposes into nothing
            }

            // Composition pairs are canonical decompositions of two characters (after full decomposition, the last one).
            if (decomposed.Length >= 2)
                Assert.False(inertSet.Contains(decomposed[^1]), $"U+{(int)decomposed[^1]:X4} is the second of a composition (U+{x:X4})");
        }

        // Hangul vowels and trailing consonants compose algorithmically, without a decomposition table entry.
        Assert.DoesNotContain(inert, c => c is (>= '\u1161' and <= '\u11C2'));
        Assert.Equal("Yılmaz Олена حسن ዳዊት", Tables.Record((NewcomerColumns.FamilyName, "Yılmaz Олена حسن ዳዊት")).Values.FamilyName);
    }

    [Theory]
    [InlineData("Müller-Lüdenscheidt")]
    [InlineData("Ørsted Å")]
    [InlineData("François Œuvre")]
    [InlineData("D'Hondt")]
    [InlineData("Ñúñez Çelik")]
    public void WindowsCodePageNamesPassUnchanged(string name)
    {
        Assert.Equal(name, Tables.Record((NewcomerColumns.FamilyName, name)).Values.FamilyName);
    }

    [Theory]
    [InlineData("'=Peeters", "=Peeters")]
    [InlineData("'+Peeters", "+Peeters")]
    [InlineData("'-Peeters", "-Peeters")]
    [InlineData("'@Peeters", "@Peeters")]
    [InlineData("'Peeters", "'Peeters")]
    [InlineData("O'Brien", "O'Brien")]
    public void FormulaNeutralisingQuoteIsStripped(string written, string stored)
    {
        Assert.Equal(stored, Tables.Record((NewcomerColumns.FamilyName, written)).Values.FamilyName);
    }

    [Theory]
    [InlineData("Pee\u0000ters")]
    [InlineData("Pee\u0007ters")]
    [InlineData("Pee\tters")]
    [InlineData("Pee\u001Bters")]
    [InlineData("Pee\u007Fters")]
    [InlineData("Pee\u0085ters")]
    public void ControlCharactersAreRefused(string name)
    {
        var problem = Tables.Problem(NewcomerColumns.FamilyName, name);

        Assert.Equal("contains a control character", problem.Message);
    }

    [Fact]
    public void LoneSurrogateIsRefused()
    {
        Assert.Contains("invalid character", Tables.Problem(NewcomerColumns.City, "Hal\uD800le").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u202E")]
    [InlineData("\u202A")]
    [InlineData("\u2066")]
    [InlineData("\u2069")]
    [InlineData("\u200E")]
    [InlineData("\u200F")]
    [InlineData("\u061C")]
    public void BidiControlsAreRefused(string bidi)
    {
        var problem = Tables.Problem(NewcomerColumns.Street, "Markt" + bidi + "straat");

        Assert.Equal("contains a bidirectional control character", problem.Message);
        Assert.DoesNotContain("Markt", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ann\nMarie")]
    [InlineData("Ann\r\nMarie")]
    [InlineData("Ann\rMarie")]
    [InlineData("Ann\u2028Marie")]
    public void LineBreakInANameIsRefused(string name)
    {
        var problem = Tables.Problem(NewcomerColumns.GivenNames, name);

        Assert.Contains("line break", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LineBreakBetweenInterestsIsAccepted()
    {
        var record = Tables.Record((NewcomerColumns.Interests, "buddy\r\nsport en beweging\nvrijwilligerswerk"));

        Assert.Equal(InterestsAndNeeds.Buddy | InterestsAndNeeds.SportAndExercise | InterestsAndNeeds.Volunteering, record.Values.Interests);
    }

    [Theory]
    [InlineData(NewcomerColumns.FamilyName, 100)]
    [InlineData(NewcomerColumns.GivenNames, 100)]
    [InlineData(NewcomerColumns.Street, 150)]
    [InlineData(NewcomerColumns.HouseNumber, 10)]
    [InlineData(NewcomerColumns.Box, 10)]
    [InlineData(NewcomerColumns.City, 100)]
    public void OverlongValuesAreRefusedWithoutEchoingThem(string column, int max)
    {
        Assert.Empty(Tables.ParseOne((column, new string('x', max))).Problems);

        var problem = Tables.Problem(column, new string('x', max + 1));

        Assert.Equal($"is longer than {max} characters", problem.Message);
    }

    [Fact]
    public void LengthCountsCharactersNotUtf16Units()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 100));

        Assert.Empty(Tables.ParseOne((NewcomerColumns.FamilyName, emoji)).Problems);
    }

    [Theory]
    [InlineData(NewcomerColumns.DossierNumber)]
    [InlineData(NewcomerColumns.FamilyName)]
    [InlineData(NewcomerColumns.GivenNames)]
    public void EmptyRequiredCellIsRefused(string column)
    {
        Assert.Equal("is required but empty", Tables.Problem(column, "  ").Message);
    }

    [Fact]
    public void EmptyOptionalCellsAreUnknown()
    {
        var record = Tables.Record(
            (NewcomerColumns.Street, ""), (NewcomerColumns.Phone, " "), (NewcomerColumns.Email, ""),
            (NewcomerColumns.ContactLanguage, ""), (NewcomerColumns.DutchLevel, ""), (NewcomerColumns.CivicOrientation, ""),
            (NewcomerColumns.Interests, ""), (NewcomerColumns.CertificateDate, ""), (NewcomerColumns.MunicipalityNis, ""));

        Assert.Null(record.Values.Street);
        Assert.Null(record.Values.Phone);
        Assert.Null(record.Values.Email);
        Assert.Null(record.Values.ContactLanguage);
        Assert.Null(record.Values.DutchLevel);
        Assert.Null(record.Values.CivicOrientationStatus);
        Assert.Equal(InterestsAndNeeds.None, record.Values.Interests);
        Assert.Null(record.CertificateDate);
        Assert.Null(record.MunicipalityNis);
    }
}
