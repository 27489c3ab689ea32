using Pnx.Imports;
using Pnx.Imports.Validation;

namespace Pnx.Tests.Imports.Validation;

public class CodeRuleTests
{
    [Theory]
    [InlineData("AB-2024/001_x")]
    [InlineData("1")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
    public void WellFormedDossierNumbersAreAccepted(string dossier)
    {
        Assert.Equal(dossier, Tables.Record((NewcomerColumns.DossierNumber, dossier)).DossierNumber);
    }

    [Theory]
    [InlineData("AB 12")]
    [InlineData("AB.12")]
    [InlineData("AB#12")]
    [InlineData("Dossiér1")]
    public void DossierNumberWithOtherCharactersIsRefusedWithoutEchoingIt(string dossier)
    {
        var problem = Tables.Problem(NewcomerColumns.DossierNumber, dossier);

        Assert.Contains("may only hold", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(dossier, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DossierNumberLongerThan32IsRefused()
    {
        Assert.Equal("is longer than 32 characters", Tables.Problem(NewcomerColumns.DossierNumber, new string('A', 33)).Message);
    }

    [Fact]
    public void DuplicateDossierNumberNamesBothRows()
    {
        var table = Tables.Rows(["Dossiernummer", "Naam", "Voornaam"],
            ["D-1", "Peeters", "Ann"], ["D-2", "Janssens", "Bart"], ["D-1", "Maes", "Cas"]);

        var result = NewcomerTableParser.Parse(table, Tables.Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(4, problem.Row);
        Assert.Equal(NewcomerColumns.DossierNumber, problem.Column);
        Assert.Equal("is the same dossier number as row 2", problem.Message);
        Assert.Equal(["D-1", "D-2"], result.Records.Select(r => r.DossierNumber));
    }

    [Fact]
    public void DuplicateDossierIsReportedAlongsideOtherProblemsOfTheRow()
    {
        var table = Tables.Rows(["Dossiernummer", "Naam", "Voornaam"], ["D-1", "Peeters", "Ann"], ["D-1", "", "Bart"]);

        var problems = NewcomerTableParser.Parse(table, Tables.Today).Problems;

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(3, p.Row));
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("1500")]
    [InlineData("9999")]
    public void BelgianPostcodesAreAccepted(string postcode)
    {
        Assert.Equal(postcode, Tables.Record((NewcomerColumns.PostalCode, postcode)).Values.PostalCode);
    }

    [Theory]
    [InlineData("0999")]
    [InlineData("123")]
    [InlineData("12345")]
    [InlineData("abcd")]
    [InlineData("B-1500")]
    public void OtherPostcodesAreRefusedWithoutEchoingThem(string postcode)
    {
        var problem = Tables.Problem(NewcomerColumns.PostalCode, postcode);

        Assert.Equal("is not a Belgian postcode (four digits, 1000-9999)", problem.Message);
    }

    [Fact]
    public void NisCodeOfFiveDigitsIsAccepted()
    {
        Assert.Equal("23027", Tables.Record((NewcomerColumns.MunicipalityNis, "23027")).MunicipalityNis);
    }

    [Theory]
    [InlineData("2302")]
    [InlineData("230277")]
    [InlineData("Halle")]
    public void NisCodeOfAnotherFormatIsRefusedAndEchoed(string nis)
    {
        Assert.Equal($"\"{nis}\" is not a NIS code (five digits)", Tables.Problem(NewcomerColumns.MunicipalityNis, nis).Message);
    }
}
