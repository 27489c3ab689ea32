using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Pnx.Data;

namespace Pnx.Api.Tokens;

/// <summary>
/// The token signing key, read from the database once per process (created there by whichever instance
/// needs it first), so all instances sign and validate alike. Keys are handled by Microsoft.IdentityModel.
/// </summary>
public sealed class SigningKeys(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SymmetricSecurityKey? _key;

    /// <summary>The key once loaded (validation runs after <see cref="GetAsync"/> in the same request).</summary>
    public SymmetricSecurityKey? Loaded => _key;

    public async Task<SymmetricSecurityKey> GetAsync(CancellationToken ct)
    {
        if (_key is { } key) return key;
        await _gate.WaitAsync(ct);
        try
        {
            return _key ??= await LoadOrCreateAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<SymmetricSecurityKey> LoadOrCreateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PnxDb>();
        var stored = await db.TokenSigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == TokenSigningKey.CurrentId, ct);
        if (stored is null)
        {
            try
            {
                db.TokenSigningKeys.Add(new TokenSigningKey
                {
                    Id = TokenSigningKey.CurrentId, Key = RandomNumberGenerator.GetBytes(64), CreatedAt = time.GetUtcNow().UtcDateTime,
                });
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance created it first: take theirs.
            }

            db.ChangeTracker.Clear();
            stored = await db.TokenSigningKeys.AsNoTracking().SingleAsync(k => k.Id == TokenSigningKey.CurrentId, ct);
        }

        return new SymmetricSecurityKey(stored.Key) { KeyId = "pnx-" + stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}
