using System.Security.Cryptography;
using System.Text;

namespace Pnx.Hosting.KeyEncryption;

/// <summary>
/// The key that encrypts ASP.NET Core's data-protection keys at rest (<c>PNX_KEY_ENCRYPTION_KEY</c>: base64 of
/// 32 random bytes). Its <see cref="Id"/> is a fingerprint, safe to store and show; the key itself never is.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const string Variable = "PNX_KEY_ENCRYPTION_KEY";

    private readonly byte[] _key;

    public KeyEncryptionKey(byte[] key)
    {
        if (key.Length != 32) throw new ArgumentException("A key-encryption key is 32 bytes.", nameof(key));
        _key = [.. key];
        Id = Convert.ToHexStringLower(SHA256.HashData([.. "pnx key id:"u8, .. _key]))[..16];
    }

    /// <summary>A fingerprint of the key: tells which key encrypted a stored key, without revealing it.</summary>
    public string Id { get; }

    internal AesGcm Cipher() => new(_key, AesGcm.TagByteSizes.MaxSize);

    public override string ToString() => $"key-encryption key {Id}";

    /// <summary>The key from the setting; null when unset. A value that is not base64 of 32 bytes is a problem, never echoed.</summary>
    internal static KeyEncryptionKey? Read(Func<string, string?> get, ICollection<string> problems)
    {
        var value = get(Variable);
        if (string.IsNullOrWhiteSpace(value)) return null;
        var bytes = new byte[64];
        if (Convert.TryFromBase64String(value.Trim(), bytes, out var length) && length == 32) return new KeyEncryptionKey(bytes[..32]);
        problems.Add($"{Variable}: is not the base64 text of 32 bytes (make one with: openssl rand -base64 32)");
        return null;
    }

    internal static byte[] AssociatedData { get; } = Encoding.ASCII.GetBytes("pnx data-protection key v1");
}
