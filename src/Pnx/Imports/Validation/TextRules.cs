using System.Globalization;
using System.Text;

namespace Pnx.Imports.Validation;

/// <summary>
/// What every cell goes through before its column's rule: trim, undo the export's formula
/// neutralisation, refuse control and bidi characters, NFC-normalise. Messages never echo the value,
/// because this runs on personal columns too.
/// </summary>
internal static class TextRules
{
    public const string Required = "is required but empty";
    public const string ControlCharacter = "contains a control character";
    public const string BidiCharacter = "contains a bidirectional control character";
    public const string InvalidCharacter = "contains an invalid character (a broken UTF-16 surrogate)";
    public const string LineBreak = "contains a line break, which is only allowed between values in \"Interesses en noden\"";

    /// <summary>Returns an error message, or null with <paramref name="value"/> cleaned ("" when empty).</summary>
    public static string? Clean(string raw, bool allowLineBreaks, out string value)
    {
        // string.Trim also removes the non-breaking spaces that Excel users paste in.
        value = raw.Trim();
        if (value.Length == 0) return null;
        // The export also doubles a leading apostrophe, so that a value that itself starts with one survives the round trip.
        if (value.Length > 1 && value[0] == '\'' && (IsFormulaStart(value[1]) || value[1] == '\''))
            value = value[1..];

        var mayNeedNormalizing = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x80)
            {
                if (c >= 0x20 && c != 0x7F) continue;
                if (c is '\n' or '\r')
                {
                    if (!allowLineBreaks) return LineBreak;
                    continue;
                }
                return ControlCharacter;
            }
            if (c <= 0x9F) return ControlCharacter;
            mayNeedNormalizing |= !IsNfcInert(c);
            if (IsBidiControl(c)) return BidiCharacter;
            if (c is '\u2028' or '\u2029' && !allowLineBreaks) return LineBreak;
            if (char.IsSurrogate(c))
            {
                // A lone surrogate is not text at all, and normalisation would throw on it.
                if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                    return InvalidCharacter;
                i++;
            }
        }

        // Text of NFC-inert characters only (all of Latin-1 and Latin Extended, the Cyrillic, Arabic and Ethiopic
        // letters of the agency's names) is NFC as it is; asking ICU costs more than the rest of the row's checks.
        if (mayNeedNormalizing && !value.IsNormalized(NormalizationForm.FormC))
            value = value.Normalize(NormalizationForm.FormC);
        return null;
    }

    /// <summary>
    /// True for a character that is NFC on its own, combines with nothing before it (canonical combining class 0,
    /// never the second of a canonical composition) and has no singleton decomposition: a string of only such
    /// characters is NFC (the Unicode quick check answers YES). Below U+0300 every character is; above, the
    /// letter blocks of Cyrillic, Arabic and Ethiopic without their combining marks. Proven against the runtime's
    /// own normalisation by <c>CellTextTests.NfcInertCharactersAreNfcAndComposeWithNothing</c>.
    /// </summary>
    public static bool IsNfcInert(char c) =>
        c < '̀' || c is (>= 'Ѐ' and <= '҂') or (>= 'Ҋ' and <= 'ӿ') or (>= 'ؠ' and <= 'ي') or (>= 'ሀ' and <= '፜');

    /// <summary>The characters the export prefixes with <c>'</c> so a spreadsheet never runs them as a formula.</summary>
    public static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static bool IsBidiControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    /// <summary>Length in Unicode scalar values, so an emoji or a rare CJK name counts as one character.</summary>
    public static int CharacterCount(string value)
    {
        var count = value.Length;
        foreach (var c in value)
        {
            if (char.IsLowSurrogate(c)) count--;
        }
        return count;
    }

    public static string? MaxLength(string value, int max) =>
        value.Length > max && CharacterCount(value) > max
            ? string.Create(CultureInfo.InvariantCulture, $"is longer than {max} characters")
            : null;

    /// <summary>Quotes a non-personal value for a message, cut short so one bad cell cannot flood the report.</summary>
    public static string Quote(string value)
    {
        const int Max = 40;
        var shown = value.Length <= Max ? value : string.Concat(value.AsSpan(0, Max), "…");
        return string.Concat("\"", shown.Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal), "\"");
    }
}
