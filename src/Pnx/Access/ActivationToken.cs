namespace Pnx.Access;

/// <summary>A one-time activation link's token, stored only as its SHA-256 hash.</summary>
public sealed class ActivationToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public int Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token as it appears in the link.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}
