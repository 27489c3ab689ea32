using Pnx.Imports;
using Pnx.Newcomers;

namespace Pnx.Tests.Imports.Validation;

public class InterestTests
{
    [Fact]
    public void EachLabelAndNumberOfTheClosedListIsAccepted()
    {
        for (var i = 0; i < NewcomerLabels.Interests.Count; i++)
        {
            var (value, label) = NewcomerLabels.Interests[i];
            Assert.Equal(value, Tables.Record((NewcomerColumns.Interests, label)).Values.Interests);
            Assert.Equal(value, Tables.Record((NewcomerColumns.Interests, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).Values.Interests);
        }
    }

    [Theory]
    [InlineData("buddy | Nederlands oefenen")]
    [InlineData("buddy;Nederlands oefenen")]
    [InlineData("buddy\nNederlands oefenen")]
    [InlineData("1 | 2")]
    [InlineData("1;Nederlands oefenen")]
    [InlineData("BUDDY|nederlands OEFENEN|")]
    [InlineData("buddy | 2 ; buddy\r\n1")]
    public void InterestsAreReadByLabelOrNumberWithAnySeparatorAndDuplicatesCollapse(string written)
    {
        Assert.Equal(InterestsAndNeeds.Buddy | InterestsAndNeeds.PractiseDutch,
            Tables.Record((NewcomerColumns.Interests, written)).Values.Interests);
    }

    [Theory]
    [InlineData("iets leren / cursus")]
    [InlineData("iets  leren/ cursus")]
    [InlineData("Iets Leren /Cursus")]
    [InlineData("  iets   leren   /   cursus  ")]
    public void LabelsMatchIgnoringRepeatedSpacesAndSpacesAroundSlash(string written)
    {
        Assert.Equal(InterestsAndNeeds.LearnCourse, Tables.Record((NewcomerColumns.Interests, written)).Values.Interests);
    }

    [Fact]
    public void GeenAloneMeansNothingGiven()
    {
        Assert.Equal(InterestsAndNeeds.Geen, Tables.Record((NewcomerColumns.Interests, "Geen")).Values.Interests);
    }

    [Theory]
    [InlineData("geen | buddy")]
    [InlineData("3;geen")]
    public void GeenCombinedWithAnotherValueIsRefused(string written)
    {
        Assert.Equal("\"geen\" cannot be combined with other interests and needs",
            Tables.Problem(NewcomerColumns.Interests, written).Message);
    }

    [Theory]
    [InlineData("buddy | zwemmen", "zwemmen")]
    [InlineData("12", "12")]
    [InlineData("0", "0")]
    [InlineData("buddy, sport en beweging", "buddy, sport en beweging")]
    public void UnknownInterestIsRefusedAndEchoed(string written, string unknown)
    {
        var problem = Tables.Problem(NewcomerColumns.Interests, written);

        Assert.StartsWith($"\"{unknown}\" is not one of the protocol's interests and needs", problem.Message, StringComparison.Ordinal);
    }
}
