using System.Security.Cryptography;

namespace Pnx.Tests.Infrastructure;

public static class Totp
{
    private static readonly Dictionary<string, long> LastStepHandedOut = new(StringComparer.Ordinal);

    /// <summary>
    /// A code the server has not seen yet for this secret: the server accepts each time step once and up to two
    /// steps either side of now, so this hands out now-1, now, now+1, now+2 and then waits for the clock.
    /// Use it for every code meant to be accepted; <see cref="Code"/> is for codes meant to be replayed.
    /// </summary>
    public static async Task<string> FreshCodeAsync(string base32Secret)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var current = now.ToUnixTimeSeconds() / 30;
            lock (LastStepHandedOut)
            {
                var step = Math.Max(current - 1, LastStepHandedOut.GetValueOrDefault(base32Secret, long.MinValue) + 1);
                if (step <= current + 2)
                {
                    LastStepHandedOut[base32Secret] = step;
                    return Code(base32Secret, DateTimeOffset.FromUnixTimeSeconds(step * 30));
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(30 - (now.ToUnixTimeSeconds() % 30)) + TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>RFC 6238 with HMAC-SHA1, 30-second steps, six digits, written here independently of Identity.</summary>
    public static string Code(string base32Secret, DateTimeOffset at)
    {
        var key = Base32Decode(base32Secret);
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = new byte[8];
        for (var i = 7; i >= 0; i--, counter >>= 8) message[i] = (byte)(counter & 0xff);
#pragma warning disable CA5350 // Authenticator apps use HMAC-SHA1, as RFC 6238 and Identity do.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
