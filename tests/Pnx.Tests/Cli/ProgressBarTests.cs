using Microsoft.Extensions.Time.Testing;
using Pnx.Cli;

namespace Pnx.Tests.Cli;

/// <summary>The import's progress line: what it says and when it is redrawn (on a fake clock, never timed).</summary>
public sealed class ProgressBarTests
{
    [Theory]
    [InlineData(0.0, 0, "[------------------------------]   0%  0 rows read")]
    [InlineData(0.37, 120_000, "[###########-------------------]  37%  120,000 rows read")]
    [InlineData(0.999, 999_999, "[#############################-]  99%  999,999 rows read")]
    [InlineData(1.0, 1_000_000, "[##############################] 100%  1,000,000 rows read")]
    [InlineData(1.7, 5, "[##############################] 100%  5 rows read")]
    [InlineData(-0.2, 5, "[------------------------------]   0%  5 rows read")]
    public void TheBarShowsTheShareReadAndTheRows(double fraction, int rows, string expected) =>
        Assert.Equal(expected, ProgressBar.Format(fraction, rows, "rows read"));

    [Fact]
    public void WithoutAKnownShareOnlyTheRowsAreCounted() =>
        Assert.Equal("12,345 rows read", ProgressBar.Format(null, 12_345, "rows read"));

    [Fact]
    public void TheLineIsRedrawnInPlaceAtMostEveryTenthOfASecondAndErasedAtTheEnd()
    {
        var time = new FakeTimeProvider();
        var terminal = new StringWriter();
        var bar = new ProgressBar(terminal, time);

        bar.Show("first line");
        bar.Show("too soon");
        time.Advance(TimeSpan.FromMilliseconds(100));
        bar.Show("short");
        bar.Show("forced", force: true);
        bar.Clear();

        // Each draw starts with a carriage return and pads over the longer line it replaces.
        Assert.Equal("\rfirst line\rshort     \rforced\r      \r", terminal.ToString());
    }
}
