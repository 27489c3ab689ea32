using Pnx.Imports;
using Pnx.Imports.Validation;

namespace Pnx.Tests.Imports.Validation;

public class HeaderTests
{
    private const string SecretNumber = "85.07.30-033.61";

    [Fact]
    public void UnknownColumnIsRefusedByNameWithoutEchoingItsValues()
    {
        var table = Tables.Rows(["Dossiernummer", "Naam", "Voornaam", " Rijksregisternummer "],
            ["D-1", "Peeters", "Ann", SecretNumber], ["D-2", "Janssens", "Bart", SecretNumber]);

        var result = NewcomerTableParser.Parse(table, Tables.Today);

        Assert.Empty(result.Records);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("Rijksregisternummer", problem.Column);
        Assert.Equal(1, problem.Row);
        Assert.Contains("whitelist (article 3)", problem.Message, StringComparison.Ordinal);
        Assert.All(result.Problems, p => Assert.DoesNotContain(SecretNumber, p.Format("f.csv"), StringComparison.Ordinal));
    }

    [Fact]
    public void MissingRequiredColumnIsRefused()
    {
        var table = Tables.Rows(["Dossiernummer", "Naam"], ["D-1", "Peeters"]);

        var problem = Assert.Single(NewcomerTableParser.Parse(table, Tables.Today).Problems);

        Assert.Equal(NewcomerColumns.GivenNames, problem.Column);
        Assert.Contains("required column", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateHeaderIsRefusedEvenInAnotherCase()
    {
        var table = Tables.Rows(["Dossiernummer", "Naam", "Voornaam", "naam"], ["D-1", "Peeters", "Ann", "X"]);

        var problem = Assert.Single(NewcomerTableParser.Parse(table, Tables.Today).Problems);

        Assert.Equal(NewcomerColumns.FamilyName, problem.Column);
        Assert.Contains("columns 2 and 4", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeadersMatchIgnoringCaseSurroundingSpacesAndNonBreakingSpaces()
    {
        var table = Tables.Rows(
            ["  DOSSIERNUMMER", "naam ", "\u00A0Voornaam\u00A0", "status\u00A0mo", "e-MAIL", "NIS-CODE GEMEENTE"],
            ["D-1", "Peeters", "Ann", "lopend", "ann@example.be", "23027"]);

        var result = NewcomerTableParser.Parse(table, Tables.Today);

        Assert.Empty(result.Problems);
        var record = Assert.Single(result.Records);
        Assert.Equal("D-1", record.DossierNumber);
        Assert.Equal(Pnx.Newcomers.CivicOrientationStatus.InProgress, record.Values.CivicOrientationStatus);
        Assert.Equal("23027", record.MunicipalityNis);
    }

    [Fact]
    public void HeaderProblemsStopRowValidation()
    {
        var table = Tables.Rows(["Dossiernummer", "Naam", "Voornaam", "Geboortedatum"], ["bad dossier!", "", "", "01/01/1990"]);

        var problem = Assert.Single(NewcomerTableParser.Parse(table, Tables.Today).Problems);

        Assert.Equal("Geboortedatum", problem.Column);
    }

    [Fact]
    public void EmptyHeaderCellIsRefused()
    {
        var table = Tables.Rows(["Dossiernummer", "Naam", "Voornaam", " "], ["D-1", "Peeters", "Ann", "x"]);

        var problem = Assert.Single(NewcomerTableParser.Parse(table, Tables.Today).Problems);

        Assert.Contains("column 4 has no header", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllColumnsOfTheContractAreAccepted()
    {
        var table = Tables.Rows([.. NewcomerColumns.All], [.. NewcomerColumns.All.Select(_ => "")]);

        var result = NewcomerTableParser.Parse(table, Tables.Today);

        Assert.DoesNotContain(result.Problems, p => p.Row == 1 || p.Row is null);
    }
}
