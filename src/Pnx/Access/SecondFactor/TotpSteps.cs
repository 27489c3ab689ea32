using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pnx.Access.SecondFactor;

/// <summary>RFC 6238 as authenticator apps and Identity use it: HMAC-SHA1, 30-second steps, six digits.</summary>
public static class TotpSteps
{
    /// <summary>Steps accepted either side of now, for phone clocks that drift; Identity's own provider allows the same.</summary>
    public const int Tolerance = 2;

    private const int StepSeconds = 30;

    public static long At(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The newest step within <see cref="Tolerance"/> of now whose code is <paramref name="code"/>, or null.</summary>
    public static long? Match(string base32Key, string code, DateTimeOffset now)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || Base32Decode(base32Key) is not { Length: > 0 } key) return null;
        var typed = Encoding.ASCII.GetBytes(code);
        long? matched = null;
        var current = At(now);
        for (var step = current - Tolerance; step <= current + Tolerance; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step)), typed)) matched = step;
        }

        return matched;
    }

    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps compute HMAC-SHA1; the key, not the hash, carries the strength.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The key as Identity stores it (RFC 4648 base32, no padding); null when it holds another character.</summary>
    private static byte[]? Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0) return null;
            buffer = ((buffer << 5) | value) & 0xffff;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }

        return [.. bytes];
    }
}
