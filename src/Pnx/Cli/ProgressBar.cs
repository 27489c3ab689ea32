using System.Globalization;

namespace Pnx.Cli;

/// <summary>
/// One line of progress on a terminal, redrawn in place (carriage return), at most every tenth of a second.
/// Only for a terminal: when stderr is a file or a pipe, the caller makes none, so logs stay clean.
/// </summary>
public sealed class ProgressBar(TextWriter terminal, TimeProvider time)
{
    private const int BarWidth = 30;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private long _lastDrawn = long.MinValue;
    private int _lastLength;

    /// <summary>The bar for stderr when it is a terminal; null otherwise.</summary>
    public static ProgressBar? ForStandardError() => Console.IsErrorRedirected ? null : new ProgressBar(Console.Error, TimeProvider.System);

    /// <summary>
    /// e.g. <c>[###########-------------------]  37%  120,000 rows read</c>; without a known fraction
    /// (<paramref name="fraction"/> null) only the count.
    /// </summary>
    public static string Format(double? fraction, long count, string what)
    {
        var counted = string.Create(CultureInfo.InvariantCulture, $"{count:N0} {what}");
        if (fraction is not { } f) return counted;
        f = Math.Clamp(double.IsNaN(f) ? 0 : f, 0, 1);
        var filled = (int)Math.Floor(f * BarWidth);
        var percent = (int)Math.Floor(f * 100);
        return string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('-', BarWidth - filled)}] {percent,3}%  {counted}");
    }

    /// <summary>Draws the line unless one was drawn less than a tenth of a second ago (<paramref name="force"/> draws anyway).</summary>
    public void Show(string line, bool force = false)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (!force && _lastDrawn != long.MinValue && time.GetElapsedTime(_lastDrawn, now) < Interval) return;
            _lastDrawn = now;
            terminal.Write("\r" + line.PadRight(_lastLength));
            _lastLength = line.Length;
            terminal.Flush();
        }
    }

    /// <summary>Erases the line, so the verb's own output starts on a clean line.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            if (_lastLength == 0) return;
            terminal.Write("\r" + new string(' ', _lastLength) + "\r");
            terminal.Flush();
            _lastLength = 0;
        }
    }
}
