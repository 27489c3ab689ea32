using System.Globalization;
using PhoneNumbers;

namespace Pnx.Imports.Validation;

/// <summary>
/// Phone numbers as people write them (<c>0470 12 34 56</c>, <c>02/365.99.00</c>, <c>0032 2 ...</c>,
/// <c>+31 6 ...</c>) to E.164. Belgium is the default region because the agency's data are Belgian.
/// </summary>
internal static class PhoneRule
{
    public const string Invalid = "is not a valid phone number";

    // Building the metadata is the expensive part; the instance is immutable and safe to share.
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static string? Check(string value, out string e164)
    {
        e164 = "";
        // Refuse anything but the usual separators before the parser sees it: libphonenumber would
        // otherwise read letters as a keypad (vanity numbers) and throw on garbage, which is slow.
        var digits = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c)) digits++;
            else if (c == '+' && i > 0) return Invalid;
            else if (!(c is '+' or ' ' or '.' or '/' or '-' or '(' or ')')) return Invalid;
        }
        if (digits is < 8 or > 17) return Invalid;

        if (TryBelgianFastPath(value, digits, out e164)) return null;

        // "00" is the international prefix from Belgium (and most of Europe).
        var text = value.StartsWith("00", StringComparison.Ordinal) ? string.Concat("+", value.AsSpan(2)) : value;
        try
        {
            var number = Util.Parse(text, "BE");
            if (!Util.IsValidNumber(number)) return Invalid;
            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return null;
        }
        catch (NumberParseException)
        {
            return Invalid;
        }
    }

    /// <summary>
    /// Most numbers are Belgian. For them the country code and national number are known from the digits
    /// alone, so the regex-heavy parse (half the cost) is skipped and only the validity check runs. Only
    /// when the digits after the prefix do not start with 0 is this exactly what the parser would do
    /// (Belgium's national prefix is "0"); anything else, or a number this path finds invalid, takes
    /// the full parse, so the outcome never depends on the shortcut.
    /// </summary>
    private static bool TryBelgianFastPath(string value, int digitCount, out string e164)
    {
        e164 = "";
        if (value.Contains('(', StringComparison.Ordinal)) return false;
        Span<char> digits = stackalloc char[digitCount];
        var length = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c)) digits[length++] = c;
        }

        scoped ReadOnlySpan<char> national;
        if (value[0] == '+' && digits.StartsWith("32")) national = digits[2..];
        else if (digits.StartsWith("0032")) national = digits[4..];
        else if (value[0] == '0' && digits.StartsWith("0") && !digits.StartsWith("00")) national = digits[1..];
        else return false;

        if (national.Length is < 8 or > 9 || national[0] == '0'
            || !ulong.TryParse(national, NumberStyles.None, CultureInfo.InvariantCulture, out var nationalNumber))
            return false;

        var number = PhoneNumber.CreateBuilder().SetCountryCode(32).SetNationalNumber(nationalNumber).Build();
        if (!Util.IsValidNumber(number)) return false;
        e164 = string.Concat("+32", national);
        return true;
    }
}
