using Pnx.Imports;

namespace Pnx.Tests.Imports.Validation;

public class DateTests
{
    [Theory]
    [InlineData("29/03/2024")]
    [InlineData("29/3/2024")]
    [InlineData("2024-03-29")]
    [InlineData("45380")]
    public void CertificateDateIsReadInEveryAcceptedForm(string written)
    {
        Assert.Equal(new DateOnly(2024, 3, 29), Tables.Record((NewcomerColumns.CertificateDate, written)).CertificateDate);
    }

    [Fact]
    public void SingleDigitDayAndMonthAreAccepted()
    {
        Assert.Equal(new DateOnly(2024, 2, 1), Tables.Record((NewcomerColumns.CertificateDate, "1/2/2024")).CertificateDate);
    }

    [Theory]
    [InlineData("31/02/2024")]
    [InlineData("29/02/2023")]
    [InlineData("2024-13-01")]
    [InlineData("00/01/2024")]
    public void ImpossibleDateIsRefusedWithoutEchoingIt(string written)
    {
        var problem = Tables.Problem(NewcomerColumns.CertificateDate, written);

        Assert.Equal("is not an existing date", problem.Message);
    }

    [Theory]
    [InlineData("30/11/2026")]
    [InlineData("2027-01-01")]
    public void DateAfterTodayIsRefused(string written)
    {
        Assert.Equal("lies in the future", Tables.Problem(NewcomerColumns.CertificateDate, written).Message);
    }

    [Fact]
    public void TodayIsAccepted()
    {
        Assert.Equal(Tables.Today, Tables.Record((NewcomerColumns.CertificateDate, "29/11/2026")).CertificateDate);
    }

    [Theory]
    [InlineData("31/12/1999")]
    [InlineData("1985-06-01")]
    [InlineData("2024")]
    public void DateBefore2000IsRefusedAsImplausible(string written)
    {
        Assert.StartsWith("lies before 01/01/2000", Tables.Problem(NewcomerColumns.CertificateDate, written).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("29-03-2024")]
    [InlineData("29.03.2024")]
    [InlineData("03/29/24")]
    [InlineData("2024/03/29")]
    [InlineData("29 maart 2024")]
    [InlineData("2024-3-29")]
    public void OtherDateFormsAreRefused(string written)
    {
        Assert.Equal("is not a date in the form dd/mm/yyyy or yyyy-mm-dd",
            Tables.Problem(NewcomerColumns.CertificateDate, written).Message);
    }
}
