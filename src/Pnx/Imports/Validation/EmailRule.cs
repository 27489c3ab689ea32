namespace Pnx.Imports.Validation;

/// <summary>
/// A pragmatic check for one address (not RFC 5322 in full: quoted local parts and IP literals do not
/// occur in the agency's data). The domain is case-insensitive, so it is stored lower-cased; the local
/// part may be case-sensitive on the receiving server, so it is kept as written.
/// </summary>
internal static class EmailRule
{
    public const int MaxLength = 254;
    public const string Invalid = "is not a valid e-mail address";

    public static string? Check(string value, out string normalised)
    {
        normalised = value;
        if (value.Length > MaxLength) return "is longer than 254 characters";

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || at > 64) return Invalid;

        var local = value.AsSpan(0, at);
        var domain = value.AsSpan(at + 1);
        if (!LocalPartIsSound(local) || !DomainIsSound(domain)) return Invalid;

        foreach (var c in domain)
        {
            if (char.IsUpper(c))
            {
                normalised = string.Concat(local, "@", domain.ToString().ToLowerInvariant());
                break;
            }
        }
        return null;
    }

    private static bool LocalPartIsSound(ReadOnlySpan<char> local)
    {
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal)) return false;
        foreach (var c in local)
        {
            if (IsForbidden(c)) return false;
        }
        return true;
    }

    private static bool DomainIsSound(ReadOnlySpan<char> domain)
    {
        if (domain.Length < 3 || domain.IndexOf('.') < 0) return false;
        if (domain[0] is '.' or '-' || domain[^1] is '.' or '-' || domain.Contains("..", StringComparison.Ordinal)) return false;
        foreach (var c in domain)
        {
            // Letters of any script are allowed for internationalised domains; punctuation other than
            // '.' and '-' is not.
            if (!(char.IsLetterOrDigit(c) || c is '.' or '-')) return false;
        }
        return true;
    }

    private static bool IsForbidden(char c) =>
        char.IsWhiteSpace(c) || c is ',' or ';' or '<' or '>' or '(' or ')' or '[' or ']' or '\\' or '"' or ':';
}
