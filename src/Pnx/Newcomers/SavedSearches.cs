using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Newcomers;

/// <summary>Stores a search text under a fresh key and finds it again, only for the same user in the same workspace.</summary>
public static class SavedSearches
{
    public const int KeyLength = 32;
    public const int MaxTextLength = 100;

    /// <summary>Long enough to open a few people and come back; short enough that a typed name does not linger.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static async Task<string> SaveAsync(PnxDb db, TimeProvider time, string userId, int municipalityId, string text, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Expired texts go as new ones come: no job needed, and the table stays as small as the last hour's searches.
        await db.Set<SavedSearch>().Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyLength / 2));
        db.Set<SavedSearch>().Add(new SavedSearch
        {
            Key = key,
            UserId = userId,
            MunicipalityId = municipalityId,
            Text = text.Length > MaxTextLength ? text[..MaxTextLength] : text,
            ExpiresAt = now + Lifetime,
        });
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>The text, or null when the key is unknown, expired, or belongs to another user or workspace.</summary>
    public static Task<string?> FindAsync(PnxDb db, TimeProvider time, string key, string userId, int municipalityId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Set<SavedSearch>().AsNoTracking()
            .Where(s => s.Key == key && s.UserId == userId && s.MunicipalityId == municipalityId && s.ExpiresAt > now)
            .Select(s => s.Text).FirstOrDefaultAsync(ct);
    }

    /// <summary>What a key looks like; anything else is not looked up.</summary>
    public static bool IsKey(string? value) =>
        value is { Length: KeyLength } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
