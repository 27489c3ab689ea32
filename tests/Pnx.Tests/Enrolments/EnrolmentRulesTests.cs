using Pnx.Enrolments;
using static Pnx.Enrolments.EnrolmentStatus;

namespace Pnx.Tests.Enrolments;

/// <summary>The status order of contract §7, as a table over all 6×6 pairs, written out here by hand.</summary>
public sealed class EnrolmentRulesTests
{
    private static readonly EnrolmentStatus[] Order = [Voorgesteld, Aangemeld, Gestart, Afgerond, Gestopt, NietGestart];

    // Rows: from; columns: to, in the order above. "x" allowed, "." forbidden, "=" the same status (not a move).
    private static readonly string[] Table =
    [
        /* voorgesteld  */ "= x x x x x",
        /* aangemeld    */ ". = x x x x",
        /* gestart      */ ". . = x x .",
        /* afgerond     */ ". . . = . .",
        /* gestopt      */ ". . . . = .",
        /* niet gestart */ ". . . . . =",
    ];

    public static TheoryData<EnrolmentStatus, EnrolmentStatus, bool> AllPairs()
    {
        var data = new TheoryData<EnrolmentStatus, EnrolmentStatus, bool>();
        for (var from = 0; from < 6; from++)
        {
            var cells = Table[from].Split(' ');
            for (var to = 0; to < 6; to++) data.Add(Order[from], Order[to], cells[to] == "x");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void EveryStatusPairIsAllowedOrForbiddenExactlyAsSection7Orders(EnrolmentStatus from, EnrolmentStatus to, bool allowed)
    {
        Assert.Equal(allowed, EnrolmentRules.CanMove(from, to));
        Assert.Equal(allowed, EnrolmentRules.Next(from).Contains(to));
        var reason = to == Gestopt ? StopReason.Werk : (StopReason?)null;
        var refusal = EnrolmentRules.Check(from, to, reason, null);
        if (from == to) Assert.Null(refusal);
        else Assert.Equal(allowed, refusal is null);
    }

    [Fact]
    public void TheFinalStatusesAreAfgerondGestoptAndNietGestart()
    {
        Assert.Equal([Afgerond, Gestopt, NietGestart], Order.Where(EnrolmentRules.IsFinal));
        Assert.All(Order.Where(EnrolmentRules.IsFinal), s => Assert.Empty(EnrolmentRules.Next(s)));
    }

    [Fact]
    public void GestoptWithoutAReasonIsRefused() =>
        Assert.Equal("\"gestopt\" vraagt een reden: werk, studie, gezondheid, verhuisd, geen interesse, andere", EnrolmentRules.Check(Gestart, Gestopt, null, null));

    [Fact]
    public void AReasonWithAnotherStatusThanGestoptIsRefused() =>
        Assert.NotNull(EnrolmentRules.Check(Gestart, Afgerond, StopReason.Werk, null));

    [Theory]
    [InlineData(Voorgesteld)]
    [InlineData(Aangemeld)]
    [InlineData(NietGestart)]
    public void HoursBeforeGestartAreRefused(EnrolmentStatus status) =>
        Assert.Equal("uren kunnen pas vanaf \"gestart\" worden ingevuld", EnrolmentRules.Check(Voorgesteld, status, null, 2));

    [Theory]
    [InlineData(-0.5, "uren kunnen niet negatief zijn")]
    [InlineData(-1, "uren kunnen niet negatief zijn")]
    [InlineData(0.3, "uren gaan per halfuur (bijvoorbeeld 2,5)")]
    [InlineData(2.25, "uren gaan per halfuur (bijvoorbeeld 2,5)")]
    [InlineData(double.NaN, "uren moeten een getal zijn")]
    [InlineData(double.PositiveInfinity, "uren moeten een getal zijn")]
    [InlineData(10_000.5, "uren kunnen hoogstens 10.000 zijn")]
    public void NegativeNonHalfOrAbsurdHoursAreRefused(double hours, string refusal) =>
        Assert.Equal(refusal, EnrolmentRules.Check(Gestart, Gestart, null, hours));

    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(2.5)]
    [InlineData(40)]
    public void HoursInHalfHourStepsAreAcceptedFromGestartOn(double hours)
    {
        Assert.Null(EnrolmentRules.Check(Aangemeld, Gestart, null, hours));
        Assert.Null(EnrolmentRules.Check(Gestart, Afgerond, null, hours));
        Assert.Null(EnrolmentRules.Check(Gestart, Gestopt, StopReason.Verhuisd, hours));
        Assert.Null(EnrolmentRules.Check(Afgerond, Afgerond, null, hours));
    }

    [Theory]
    [InlineData("2,5", 2.5)]
    [InlineData("2.5", 2.5)]
    [InlineData(" 4 ", 4.0)]
    [InlineData("-1", -1.0)]
    public void HoursAreReadWithADecimalCommaOrPoint(string text, double expected)
    {
        Assert.True(HoursText.TryParse(text, out var hours));
        Assert.Equal(expected, hours);
    }

    [Theory]
    [InlineData("twee")]
    [InlineData("1.000,5")]
    [InlineData("2,5,0")]
    [InlineData("1e3")]
    public void HoursThatAreNotANumberAreNotRead(string text) => Assert.False(HoursText.TryParse(text, out _));

    [Fact]
    public void TheStatusWordsAreExactlyThoseOfTheContract()
    {
        Assert.Equal("voorgesteld, aangemeld, gestart, afgerond, gestopt, niet gestart", EnrolmentWords.StatusList);
        Assert.Equal("werk, studie, gezondheid, verhuisd, geen interesse, andere", EnrolmentWords.ReasonList);
        Assert.True(EnrolmentWords.TryParseStatus("Niet  Gestart", out var status));
        Assert.Equal(NietGestart, status);
    }
}
