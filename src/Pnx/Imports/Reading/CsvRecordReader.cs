using System.Buffers;

namespace Pnx.Imports.Reading;

/// <summary>
/// Cuts RFC 4180 records out of a text stream through a buffer that holds only the record being read, so a
/// file of any size is read in constant memory. A quoted line break stays inside its cell; characters
/// between a closing quote and the next delimiter are kept, leniently, as Excel does.
/// </summary>
/// <param name="start">Text already taken from <paramref name="text"/> (to detect the delimiter), read first.</param>
internal sealed class CsvRecordReader(TextReader text, char delimiter, int maxColumns, ReadOnlySpan<char> start = default)
{
    public enum Outcome { Complete, EndOfText, UnclosedQuote, TooManyFields }

    private const int InitialBuffer = 64 * 1024;

    private readonly SearchValues<char> _stops = delimiter switch
    {
        ';' => SemicolonStops,
        ',' => CommaStops,
        _ => TabStops,
    };

    private static readonly SearchValues<char> SemicolonStops = SearchValues.Create(";\r\n");
    private static readonly SearchValues<char> CommaStops = SearchValues.Create(",\r\n");
    private static readonly SearchValues<char> TabStops = SearchValues.Create("\t\r\n");

    private char[] _buffer = Initial(start);
    private int _end = start.Length;       // chars in the buffer
    private int _position;  // next char to read
    private int _keep;      // first char that must survive a refill (the start of the field being read)
    private bool _exhausted;
    private bool _sawText = HasText(start);    // a char other than white space has been loaded

    /// <summary>Reads the next record's fields into <paramref name="fields"/> (cleared first).</summary>
    public Outcome Read(List<string> fields)
    {
        fields.Clear();
        _keep = _position;
        if (!Available()) return Outcome.EndOfText;
        while (true)
        {
            if (fields.Count >= maxColumns) return Outcome.TooManyFields;
            _keep = _position;
            string value;
            if (_buffer[_position] == '"')
            {
                if (ReadQuoted() is not { } quoted) return Outcome.UnclosedQuote;
                value = quoted;
                _keep = _position;
                var rest = Unquoted();
                if (rest.Length > 0) value += rest;
            }
            else
            {
                value = Unquoted();
            }

            fields.Add(value);
            if (!Available()) return Outcome.Complete;
            var c = _buffer[_position++];
            if (c == delimiter)
            {
                // A delimiter at the very end of the text still opens an (empty) last field.
                if (!Available())
                {
                    fields.Add("");
                    return Outcome.Complete;
                }

                continue;
            }

            if (c == '\r' && Available() && _buffer[_position] == '\n') _position++;
            return Outcome.Complete;
        }
    }

    private static char[] Initial(ReadOnlySpan<char> start)
    {
        var buffer = new char[Math.Max(InitialBuffer, start.Length * 2)];
        start.CopyTo(buffer);
        return buffer;
    }

    private static bool HasText(ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            if (!char.IsWhiteSpace(c)) return true;
        }

        return false;
    }

    /// <summary>Whether the whole text, read to its end, is white space (or nothing).</summary>
    public bool RestIsWhiteSpace()
    {
        while (!_sawText && !_exhausted)
        {
            _keep = _position = _end;
            Refill();
        }

        return !_sawText;
    }

    /// <summary>The text from here to the next delimiter or line break (not consumed).</summary>
    private string Unquoted()
    {
        var scanned = _position;
        while (true)
        {
            var stop = _buffer.AsSpan(scanned, _end - scanned).IndexOfAny(_stops);
            if (stop >= 0)
            {
                var value = new string(_buffer, _keep, scanned + stop - _keep);
                _position = scanned + stop;
                return value;
            }

            scanned = _end;
            var shift = Refill();
            scanned -= shift;
            if (_exhausted && scanned == _end)
            {
                var value = new string(_buffer, _keep, _end - _keep);
                _position = _end;
                return value;
            }
        }
    }

    /// <summary>A quoted cell from its opening quote; null when it is never closed.</summary>
    private string? ReadQuoted()
    {
        var scanned = _position + 1;
        var doubled = false;
        while (true)
        {
            var quote = _buffer.AsSpan(scanned, _end - scanned).IndexOf('"');
            if (quote < 0)
            {
                scanned = _end - Refill();
                if (_exhausted && scanned == _end) return null;
                continue;
            }

            quote += scanned;
            if (quote + 1 == _end)
            {
                // The next char decides between a doubled quote and the closing one.
                quote -= Refill();
                scanned = quote;
                if (quote + 1 == _end)
                {
                    return Close(quote, doubled);
                }

                continue;
            }

            if (_buffer[quote + 1] == '"')
            {
                doubled = true;
                scanned = quote + 2;
                continue;
            }

            return Close(quote, doubled);
        }
    }

    private string Close(int quote, bool doubled)
    {
        var value = new string(_buffer, _keep + 1, quote - _keep - 1);
        _position = quote + 1;
        return doubled ? value.Replace("\"\"", "\"", StringComparison.Ordinal) : value;
    }

    /// <summary>True when a char is left to read, refilling the buffer if needed.</summary>
    private bool Available()
    {
        if (_position < _end) return true;
        Refill();
        return _position < _end;
    }

    /// <summary>Moves the chars from <see cref="_keep"/> on to the front and reads more; returns how far they moved.</summary>
    private int Refill()
    {
        if (_exhausted) return 0;
        var shift = _keep;
        var kept = _end - _keep;
        if (kept == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (shift > 0)
        {
            Array.Copy(_buffer, _keep, _buffer, 0, kept);
        }

        _end = kept;
        _position -= shift;
        _keep = 0;
        var read = text.ReadBlock(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _exhausted = true;
        if (!_sawText) _sawText = HasText(_buffer.AsSpan(_end, read));
        _end += read;
        return shift;
    }
}
