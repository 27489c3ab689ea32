using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PhoneNumbers;
using Pnx.Imports.Validation;

namespace Pnx.Tests.Imports.Validation;

public class PhoneShortcutProperties
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The Belgian shortcut must agree with libphonenumber's full parse on every number.</summary>
    [Property(MaxTest = 2000)]
    public Property BelgianShortcutAgreesWithTheFullParse() =>
        Prop.ForAll(BelgianLike().ToArbitrary(), written =>
        {
            var error = PhoneRule.Check(written, out var e164);

            Assert.Equal(FullParse(written), error is null ? e164 : null);
        });

    private static string? FullParse(string written)
    {
        try
        {
            var text = written.StartsWith("00", StringComparison.Ordinal) ? "+" + written[2..] : written;
            var number = Util.Parse(text, "BE");
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static Gen<string> BelgianLike() =>
        from prefix in Gen.Elements("0", "+32 ", "0032 ", "+32 0", "0")
        from length in Gen.Choose(7, 10)
        from digits in Gen.Choose(0, 9).ArrayOf(length)
        from separator in Gen.Elements("", " ", ".", "/")
        select prefix + string.Join(separator, digits.Select(d => d.ToString(CultureInfo.InvariantCulture)));
}
