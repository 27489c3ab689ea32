using System.Text;
using Microsoft.AspNetCore.Identity;
using Pnx.Access.SecondFactor;
using QRCoder;

namespace Pnx.Access.Activation;

/// <summary>
/// What a person needs to enrol an authenticator app: the key (grouped in fours so it can be typed)
/// and a QR code rendered here as SVG, embedded as a data URI (CSP allows data: images; no script).
/// </summary>
public sealed record AuthenticatorSetup(string GroupedKey, string QrDataUri)
{
    public const string Issuer = "ParticipationExchange";

    public static AuthenticatorSetup For(string email, string key)
    {
        var uri = $"otpauth://totp/{Issuer}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return new AuthenticatorSetup(Group(key), "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg)));
    }

    /// <summary>The user's current key (made if missing), ready to show.</summary>
    public static async Task<AuthenticatorSetup> CurrentAsync(UserManager<PnxUser> users, PnxUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return For(user.Email ?? "", key!);
    }

    public static string Group(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) builder.Append(' ');
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return builder.ToString();
    }

    /// <summary>A six-digit code from the authenticator app (spaces and dashes ignored), accepted once (<see cref="OneTimeCodes"/>).</summary>
    public static Task<bool> VerifyCodeAsync(UserManager<PnxUser> users, PnxUser user, string? code) =>
        CodeInput.Totp(code) is { } digits
            ? users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits)
            : Task.FromResult(false);
}
