namespace Pnx.Access.SecondFactor;

/// <summary>What a person typed into a code field, read the way the code was shown or printed.</summary>
public static class CodeInput
{
    /// <summary>Six digits from an authenticator app (spaces and dashes ignored), or null when it is not that.</summary>
    public static string? Totp(string? typed)
    {
        var digits = Strip(typed);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>
    /// A recovery code in the form Identity stores and prints (<c>XXXXX-XXXXX</c>, upper case), however it was
    /// typed: with or without the dash, spaces or lower case. Null when nothing was typed.
    /// </summary>
    public static string? RecoveryCode(string? typed)
    {
        var code = Strip(typed).ToUpperInvariant();
        return code.Length switch
        {
            0 => null,
            10 => string.Concat(code.AsSpan(0, 5), "-", code.AsSpan(5)),
            _ => code,
        };
    }

    private static string Strip(string? typed) =>
        new((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}
