using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pnx.Api.Clients;

namespace Pnx.Api.Tokens;

/// <summary>Issues and describes the API's access tokens: JWTs signed with HMAC-SHA256 by Microsoft.IdentityModel.</summary>
public static class TokenIssuer
{
    public const string Issuer = "pnx";
    public const string Audience = "pnx-api";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private static readonly JsonWebTokenHandler Handler = new();

    public static string Issue(ApiClient client, string? municipalityNis, SecurityKey key, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, client.Id),
                new Claim(ApiCaller.ClientIdClaim, client.Id),
                new Claim("scope", municipalityNis is null ? "agency" : "municipality:" + municipalityNis),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    public static TokenValidationParameters ValidationParameters(SigningKeys keys) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = ApiCaller.ClientIdClaim,
        IssuerSigningKeyResolver = (_, _, _, _) => keys.Loaded is { } key ? [key] : [],
    };
}
