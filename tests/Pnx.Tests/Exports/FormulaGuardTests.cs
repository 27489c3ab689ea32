using Pnx.Exports;

namespace Pnx.Tests.Exports;

public sealed class FormulaGuardTests
{
    [Theory]
    [InlineData("=cmd", "'=cmd")]
    [InlineData("+x", "'+x")]
    [InlineData("-1", "'-1")]
    [InlineData("@a", "'@a")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Peeters", "Peeters")]
    [InlineData("", "")]
    [InlineData("a=b", "a=b")]
    public void FormulaTriggersGetAnApostrophe(string value, string expected) =>
        Assert.Equal(expected, FormulaGuard.Neutralise(value));

    [Theory]
    [InlineData("+3223659900", "+3223659900")]
    [InlineData("+32470123456", "+32470123456")]
    [InlineData("+32 470", "'+32 470")]
    [InlineData("+SUM(A1)", "'+SUM(A1)")]
    [InlineData("=1+1", "'=1+1")]
    public void OnlyAnE164PhoneInThePhoneColumnKeepsItsPlus(string value, string expected) =>
        Assert.Equal(expected, FormulaGuard.Neutralise(value, isPhoneColumn: true));

    [Fact]
    public void AnE164LookingValueOutsideThePhoneColumnIsNeutralised() =>
        Assert.Equal("'+3223659900", FormulaGuard.Neutralise("+3223659900"));
}
