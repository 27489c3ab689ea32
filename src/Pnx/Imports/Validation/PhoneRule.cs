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
}
