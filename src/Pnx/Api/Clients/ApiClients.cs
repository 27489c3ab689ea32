using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Data;

namespace Pnx.Api.Clients;

/// <summary>What registering a client produced: the secret exists only here, once.</summary>
public sealed record NewApiClient(string ClientId, string ClientSecret);

/// <summary>One line of the client list (never the hash).</summary>
public sealed record ApiClientRow(string Id, string Name, string? MunicipalityNis, int RateLimitPerMinute, string Owner, DateTime CreatedAt, DateTime? RevokedAt)
{
    public string Scope => MunicipalityNis is null ? "agency" : "municipality " + MunicipalityNis;
}

/// <summary>
/// Registering, revoking and listing API clients: the one write path for `pnx api-client` and the access
/// administrator's page. Every change is audited in its own transaction.
/// </summary>
public static class ApiClients
{
    private static readonly PasswordHasher<ApiClient> Hasher = new();

    // Verified when the client id is unknown, so an unknown id costs as much time as a wrong secret.
    private static readonly string DummyHash = Hasher.HashPassword(null!, "no client has this secret");

    public static async Task<(NewApiClient? Client, string? Error)> AddAsync(
        PnxDb db, TimeProvider time, string name, string? municipalityNis, int? rateLimit, string actor, CancellationToken ct)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100) return (null, "the name must be 1 to 100 characters");
        var limit = rateLimit ?? ApiClient.DefaultRateLimitPerMinute;
        if (limit is < 1 or > 100_000) return (null, "the rate limit must be between 1 and 100000 requests a minute");
        int? municipalityId = null;
        if (municipalityNis is not null)
        {
            municipalityId = await db.Municipalities.Where(m => m.NisCode == municipalityNis).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct);
            if (municipalityId is null) return (null, $"municipality {municipalityNis} is unknown");
        }

        var client = new ApiClient
        {
            Id = "pnx-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10)),
            Name = name,
            MunicipalityId = municipalityId,
            RateLimitPerMinute = limit,
            Owner = actor,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            SecretHash = "",
        };
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        client.SecretHash = Hasher.HashPassword(client, secret);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(ct);
        await AuditTrail.AppendAsync(db, time, new AuditRecord(actor, "api-client.add", municipalityNis, [], AuditPurposes.Supervision,
            string.Create(CultureInfo.InvariantCulture, $"client {client.Id} ({(municipalityNis is null ? "agency" : "municipality " + municipalityNis)}, {limit}/min)")), ct);
        await transaction.CommitAsync(ct);
        return (new NewApiClient(client.Id, secret), null);
    }

    /// <summary>Revokes at once: the client's tokens stop working on their next request. Null when done, else why not.</summary>
    public static async Task<string?> RevokeAsync(PnxDb db, TimeProvider time, string clientId, string actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var client = await db.ApiClients.Include(c => c.Municipality).SingleOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null) return $"no API client {clientId}";
        if (client.RevokedAt is not null) return $"API client {clientId} is already revoked";
        client.RevokedAt = time.GetUtcNow().UtcDateTime;
        client.RevokedBy = actor;
        await db.SaveChangesAsync(ct);
        await AuditTrail.AppendAsync(db, time, new AuditRecord(actor, "api-client.revoke", client.Municipality?.NisCode, [], AuditPurposes.Supervision,
            $"client {client.Id}"), ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    public static async Task<IReadOnlyList<ApiClientRow>> ListAsync(PnxDb db, CancellationToken ct) =>
        await db.ApiClients.AsNoTracking().OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new ApiClientRow(c.Id, c.Name, c.Municipality != null ? c.Municipality.NisCode : null, c.RateLimitPerMinute, c.Owner, c.CreatedAt, c.RevokedAt))
            .ToListAsync(ct);

    /// <summary>The client when the id and secret are right and it is not revoked; otherwise null, in about the same time.</summary>
    public static async Task<ApiClient?> AuthenticateAsync(PnxDb db, string clientId, string secret, CancellationToken ct)
    {
        var client = clientId.Length is > 0 and <= 40
            ? await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clientId, ct)
            : null;
        if (client is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, secret);
            return null;
        }

        var verified = Hasher.VerifyHashedPassword(client, client.SecretHash, secret) != PasswordVerificationResult.Failed;
        return verified && client.RevokedAt is null ? client : null;
    }
}
