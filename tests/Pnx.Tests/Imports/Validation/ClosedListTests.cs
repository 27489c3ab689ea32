using Pnx.Imports;
using Pnx.Newcomers;

namespace Pnx.Tests.Imports.Validation;

public class ClosedListTests
{
    [Theory]
    [InlineData("A1", DutchLevel.A1)]
    [InlineData("a2", DutchLevel.A2)]
    [InlineData("B1", DutchLevel.B1)]
    [InlineData("b2", DutchLevel.B2)]
    [InlineData("C1", DutchLevel.C1)]
    [InlineData("C2", DutchLevel.C2)]
    [InlineData("geen", DutchLevel.Geen)]
    [InlineData("GEEN", DutchLevel.Geen)]
    public void DutchLevelsOfTheListAreAccepted(string written, DutchLevel level)
    {
        Assert.Equal(level, Tables.Record((NewcomerColumns.DutchLevel, written)).Values.DutchLevel);
    }

    [Theory]
    [InlineData("B3")]
    [InlineData("A0")]
    [InlineData("beginner")]
    public void OtherDutchLevelsAreRefusedWithTheContractMessage(string written)
    {
        var problem = Tables.Problem(NewcomerColumns.DutchLevel, written);

        Assert.Equal($"\"{written}\" is not one of A1, A2, B1, B2, C1, C2, geen", problem.Message);
    }

    [Fact]
    public void DutchLevelErrorLineMatchesTheContractExample()
    {
        var problem = Tables.Problem(NewcomerColumns.DutchLevel, "B3");

        Assert.Equal(
            "newcomers.csv: row 2, column \"Niveau Nederlands\": \"B3\" is not one of A1, A2, B1, B2, C1, C2, geen",
            problem.Format("newcomers.csv"));
    }

    [Theory]
    [InlineData("niet gestart", CivicOrientationStatus.NotStarted)]
    [InlineData("Ingeschreven", CivicOrientationStatus.Registered)]
    [InlineData("LOPEND", CivicOrientationStatus.InProgress)]
    [InlineData("geslaagd", CivicOrientationStatus.Passed)]
    [InlineData("niet   geslaagd", CivicOrientationStatus.Failed)]
    [InlineData("Niet\u00A0Geslaagd", CivicOrientationStatus.Failed)]
    [InlineData("vrijgesteld", CivicOrientationStatus.Exempted)]
    [InlineData("stopgezet", CivicOrientationStatus.Stopped)]
    public void CivicOrientationLabelsAreAccepted(string written, CivicOrientationStatus status)
    {
        Assert.Equal(status, Tables.Record((NewcomerColumns.CivicOrientation, written)).Values.CivicOrientationStatus);
    }

    [Theory]
    [InlineData("gestart")]
    [InlineData("nietgestart")]
    [InlineData("afgerond")]
    public void OtherCivicOrientationValuesAreRefusedAndEchoed(string written)
    {
        var problem = Tables.Problem(NewcomerColumns.CivicOrientation, written);

        Assert.Equal(
            $"\"{written}\" is not one of niet gestart, ingeschreven, lopend, geslaagd, niet geslaagd, vrijgesteld, stopgezet",
            problem.Message);
    }
}
