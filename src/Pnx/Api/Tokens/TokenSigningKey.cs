namespace Pnx.Api.Tokens;

/// <summary>
/// The key that signs access tokens, generated once into the database so every server instance issues and
/// accepts the same tokens (no key on one machine's disk).
/// </summary>
public sealed class TokenSigningKey
{
    public const int CurrentId = 1;

    public int Id { get; set; }

    /// <summary>64 random bytes: the HMAC-SHA256 key.</summary>
    public required byte[] Key { get; set; }

    public DateTime CreatedAt { get; set; }
}
