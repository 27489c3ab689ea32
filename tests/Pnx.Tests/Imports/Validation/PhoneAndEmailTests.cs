using Pnx.Imports;

namespace Pnx.Tests.Imports.Validation;

public class PhoneAndEmailTests
{
    [Theory]
    [InlineData("0470 12 34 56", "+32470123456")]
    [InlineData("0470/12.34.56", "+32470123456")]
    [InlineData("02/365.99.00", "+3223659900")]
    [InlineData("0032 2 365 99 00", "+3223659900")]
    [InlineData("+32 2 365 99 00", "+3223659900")]
    [InlineData("+32 (0)2 365 99 00", "+3223659900")]
    [InlineData("+3223659900", "+3223659900")]
    [InlineData("+31 6 12345678", "+31612345678")]
    [InlineData("0031 6 12345678", "+31612345678")]
    [InlineData("'+32470123456", "+32470123456")]
    public void PhoneNumbersInUsualWritingsBecomeE164(string written, string e164)
    {
        Assert.Equal(e164, Tables.Record((NewcomerColumns.Phone, written)).Values.Phone);
    }

    [Theory]
    [InlineData("0470 12 34")]
    [InlineData("12345")]
    [InlineData("0470 12 34 56 78 90")]
    [InlineData("call me")]
    [InlineData("0800-FLOWERS")]
    [InlineData("04 70 12 34 56 +")]
    [InlineData("+999 123 456 789")]
    public void InvalidPhoneNumbersAreRefusedWithoutEchoingThem(string written)
    {
        var problem = Tables.Problem(NewcomerColumns.Phone, written);

        Assert.Equal("is not a valid phone number", problem.Message);
    }

    [Theory]
    [InlineData("ann.peeters@example.be", "ann.peeters@example.be")]
    [InlineData("Ann.Peeters@Example.BE", "Ann.Peeters@example.be")]
    [InlineData("a+tag@mail.sub.example.com", "a+tag@mail.sub.example.com")]
    [InlineData("  ann@example.be ", "ann@example.be")]
    public void EmailAddressesAreStoredWithLowerCasedDomain(string written, string stored)
    {
        Assert.Equal(stored, Tables.Record((NewcomerColumns.Email, written)).Values.Email);
    }

    [Theory]
    [InlineData("ann")]
    [InlineData("ann@example")]
    [InlineData("@example.be")]
    [InlineData("ann@@example.be")]
    [InlineData("ann@bart@example.be")]
    [InlineData("ann peeters@example.be")]
    [InlineData("ann@example.be, bart@example.be")]
    [InlineData("ann@example.be;bart@example.be")]
    [InlineData("ann@.example.be")]
    [InlineData("ann@example..be")]
    [InlineData(".ann@example.be")]
    public void InvalidEmailAddressesAreRefusedWithoutEchoingThem(string written)
    {
        var problem = Tables.Problem(NewcomerColumns.Email, written);

        Assert.Equal("is not a valid e-mail address", problem.Message);
    }

    [Fact]
    public void EmailAddressLongerThan254IsRefused()
    {
        var address = "ann@" + new string('a', 248) + ".be";

        Assert.Equal("is longer than 254 characters", Tables.Problem(NewcomerColumns.Email, address).Message);
    }
}
