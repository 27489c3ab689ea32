using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Pnx.Access;

namespace Pnx.Benchmarks.Web;

/// <summary>
/// One signed-in user on loopback: cookies shared by all concurrent requests (like one person's tabs),
/// signed in through the real password and TOTP pages.
/// </summary>
internal sealed partial class BenchClient : IDisposable
{
    public BenchClient(Uri baseAddress, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = Cookies,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        Http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    /// <summary>The signed-in session's cookies, for a load generator in another process.</summary>
    public CookieContainer Cookies { get; } = new();

    public async Task SignInAsync(DemoAccount account)
    {
        await PostFormAsync("/aanmelden", new() { ["Email"] = account.Email, ["Password"] = account.Password }, "/aanmelden/code");
        await PostFormAsync("/aanmelden/code", new() { ["Code"] = Totp(account.TotpSecret, DateTimeOffset.UtcNow) }, "/start");
    }

    /// <summary>Searches the list as a case worker does (a POST answered by a redirect to the list under an opaque key); the list's address with that key.</summary>
    public Task<string> SearchAsync(string list, string text) => PostFormAsync(list, new() { ["zoek"] = text }, list + "?zoek=");

    private async Task<string> PostFormAsync(string page, Dictionary<string, string> fields, string expectedRedirect)
    {
        var html = await Http.GetStringAsync(new Uri(page, UriKind.Relative));
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        using var response = await Http.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(fields));
        var location = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther) || !location.StartsWith(expectedRedirect, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"step {page} answered {(int)response.StatusCode} {location}");
        }

        return location;
    }

    /// <summary>RFC 6238 (HMAC-SHA1, 30 s, 6 digits), as an authenticator app computes it.</summary>
    private static string Totp(string base32, DateTimeOffset at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var key = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                key.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        var counter = at.ToUnixTimeSeconds() / 30;
        var message = new byte[8];
        for (var i = 7; i >= 0; i--, counter >>= 8) message[i] = (byte)(counter & 0xff);
#pragma warning disable CA5350 // Authenticator apps use HMAC-SHA1 (RFC 6238).
        var hash = HMACSHA1.HashData(key.ToArray(), message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public void Dispose() => Http.Dispose();
}
