using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Access;

/// <summary>
/// One-time activation links (valid 24 hours). Only a SHA-256 hash of the token is stored, so a
/// copy of the database does not hold usable links.
/// </summary>
public static class ActivationTokens
{
    /// <summary>Adds a token for the user to the context (the caller saves) and returns the token for the link.</summary>
    public static string Issue(PnxDb db, string userId, DateTime utcNow)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        db.ActivationTokens.Add(new ActivationToken
        {
            UserId = userId,
            TokenHash = Hash(token),
            CreatedAt = utcNow,
            ExpiresAt = utcNow + ActivationToken.Lifetime,
        });
        return token;
    }

    public static string Link(string baseUrl, string token) => baseUrl.TrimEnd('/') + "/activeren/" + token;

    /// <summary>The user a still-valid token belongs to, without using it up (for showing the activation page).</summary>
    public static async Task<string?> FindUserAsync(PnxDb db, string token, DateTimeOffset now, CancellationToken ct = default)
    {
        var hash = Hash(token);
        var utcNow = now.UtcDateTime;
        return await db.ActivationTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.UsedAt == null && t.ExpiresAt > utcNow)
            .Select(t => t.UserId)
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Uses the token up and returns its user, or null when it is unknown, used or expired. Atomic:
    /// of two concurrent calls only one gets the user. Call it inside the transaction that sets the password.
    /// </summary>
    public static async Task<string?> ConsumeAsync(PnxDb db, string token, DateTimeOffset now, CancellationToken ct = default)
    {
        var hash = Hash(token);
        var utcNow = now.UtcDateTime;
        var userId = await FindUserAsync(db, token, now, ct);
        if (userId is null) return null;
        var used = await db.ActivationTokens
            .Where(t => t.TokenHash == hash && t.UsedAt == null && t.ExpiresAt > utcNow)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, utcNow), ct);
        return used == 1 ? userId : null;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
