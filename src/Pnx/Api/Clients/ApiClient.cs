using Pnx.Municipalities;

namespace Pnx.Api.Clients;

/// <summary>
/// A system registered by the agency to call the REST API (contract §8): the agency's source system, or one
/// municipality's case system. The secret is shown once and stored only as a hash.
/// </summary>
public sealed class ApiClient
{
    public const int DefaultRateLimitPerMinute = 600;

    /// <summary>The public client_id (random, not secret); also the audit actor as "client:ID".</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Null: an agency client. Otherwise the one municipality the client may work for.</summary>
    public int? MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 password hash of the secret.</summary>
    public required string SecretHash { get; set; }

    public int RateLimitPerMinute { get; set; } = DefaultRateLimitPerMinute;

    /// <summary>Audit actor of whoever registered it ("user:ID" or "cli:NAME").</summary>
    public required string Owner { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public string Actor => ActorOf(Id);

    public static string ActorOf(string clientId) => "client:" + clientId;
}
