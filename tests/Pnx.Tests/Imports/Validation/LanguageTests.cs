using Pnx.Imports;
using Pnx.Imports.Validation;

namespace Pnx.Tests.Imports.Validation;

public class LanguageTests
{
    [Theory]
    [InlineData("Arabisch", "ar")]
    [InlineData("arabisch", "ar")]
    [InlineData("Oekraïens", "uk")]
    [InlineData("Oekraiens", "uk")]
    [InlineData("OEKRAÏENS", "uk")]
    [InlineData("Tigrinya", "ti")]
    [InlineData("Dari", "prs")]
    [InlineData("Nederlands", "nl")]
    [InlineData("Farsi", "fa")]
    [InlineData("Perzisch", "fa")]
    [InlineData("Pasjtoe", "ps")]
    [InlineData("Berbers", "ber")]
    [InlineData("Tamazight", "ber")]
    [InlineData("Tigre", "tig")]
    [InlineData("Soninke", "snk")]
    [InlineData("Twi", "tw")]
    [InlineData("Fula", "ff")]
    [InlineData("Uzbeeks", "uz")]
    public void DutchNamesAreStoredAsIsoCodes(string name, string code)
    {
        Assert.Equal(code, Tables.Record((NewcomerColumns.ContactLanguage, name)).Values.ContactLanguage);
    }

    [Fact]
    public void EveryDutchNameNewcomersCommonlyGiveIsKnown()
    {
        string[] names =
        [
            "Arabisch", "Oekraïens", "Tigrinya", "Dari", "Nederlands", "Frans", "Engels", "Turks", "Russisch", "Pasjtoe",
            "Somalisch", "Farsi", "Perzisch", "Koerdisch", "Spaans", "Portugees", "Pools", "Roemeens", "Bulgaars",
            "Albanees", "Amhaars", "Urdu", "Hindi", "Bengaals", "Chinees", "Vietnamees", "Thai", "Tamil", "Swahili",
            "Lingala", "Berbers", "Tamazight", "Armeens", "Georgisch", "Servisch", "Kroatisch", "Bosnisch", "Macedonisch",
            "Grieks", "Italiaans", "Duits", "Hongaars", "Tsjechisch", "Slowaaks", "Nepalees", "Punjabi", "Mongools",
            "Uzbeeks", "Tadzjieks", "Oromo", "Soninke", "Fula", "Wolof", "Hausa", "Yoruba", "Igbo", "Ewe", "Twi", "Tigre",
        ];

        Assert.All(names, name => Assert.Null(LanguageRule.Check(name, out _)));
    }

    [Theory]
    [InlineData("ar", "ar")]
    [InlineData("AR", "ar")]
    [InlineData("uk", "uk")]
    [InlineData("zu", "zu")]
    [InlineData("sh", "sh")]
    public void Iso6391CodesAreAccepted(string code, string stored)
    {
        Assert.Equal(stored, Tables.Record((NewcomerColumns.ContactLanguage, code)).Values.ContactLanguage);
    }

    [Theory]
    [InlineData("ara", "ar")]
    [InlineData("tir", "ti")]
    [InlineData("AMH", "am")]
    [InlineData("som", "so")]
    [InlineData("orm", "om")]
    [InlineData("pus", "ps")]
    [InlineData("prs", "prs")]
    [InlineData("pbt", "pbt")]
    [InlineData("ckb", "ckb")]
    [InlineData("kmr", "kmr")]
    [InlineData("apc", "apc")]
    [InlineData("arz", "arz")]
    [InlineData("ary", "ary")]
    public void Iso6393CodesAreStoredAs6391WhereOneExists(string code, string stored)
    {
        Assert.Equal(stored, Tables.Record((NewcomerColumns.ContactLanguage, code)).Values.ContactLanguage);
    }

    [Fact]
    public void AllIso6391CodesAreKnown()
    {
        var twoLetter = LanguageRule.Keys.Where(k => k.Key.Length == 2 && k.Key == k.Value).Select(k => k.Key).ToList();

        Assert.Equal(184, twoLetter.Count);
    }

    [Theory]
    [InlineData("Klingon")]
    [InlineData("xx")]
    [InlineData("qqq")]
    public void UnknownLanguageIsRefusedAndEchoed(string value)
    {
        var problem = Tables.Problem(NewcomerColumns.ContactLanguage, value);

        Assert.Equal($"\"{value}\" is not a known language (an ISO 639-1 or 639-3 code, or the Dutch name)", problem.Message);
    }
}
