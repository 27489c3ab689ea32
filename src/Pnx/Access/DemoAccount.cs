using System.Security.Cryptography;

namespace Pnx.Access;

/// <summary>A demo account with the credentials generated for it just now (never stored in plain text).</summary>
public sealed record DemoAccount(Role Role, string? MunicipalityNis, string Email, string Password, string TotpSecret)
{
    /// <summary>Exactly the contract's line (§1): <c>demo account: ROLE MUNICIPALITY EMAIL PASSWORD TOTP-SECRET</c>.</summary>
    public string Line => $"demo account: {Role.Slug()} {MunicipalityNis ?? "-"} {Email} {Password} {TotpSecret}";

    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Four groups of four random characters (about 92 bits), e.g. <c>Xk3v-9pLq-2wRt-7hZm</c>: easy to type, never common.</summary>
    public static string NewPassword() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => new string(RandomNumberGenerator.GetItems<char>(Alphabet, 4))));
}
