using System.Net;

namespace Pnx.Hosting;

/// <summary>
/// How the application is reached from outside: the public base URL that links are built from
/// (<c>PNX_PUBLIC_URL</c>), the Host headers it answers (<c>PNX_ALLOWED_HOSTS</c>) and the proxies whose
/// X-Forwarded-For/-Proto it believes (<c>PNX_TRUSTED_PROXIES</c>). Never the request's own Host header:
/// a link handed to a new colleague must not point wherever an attacker's request said.
/// </summary>
public sealed record HostingSettings(Uri PublicUrl, IReadOnlyList<string> AllowedHosts, IReadOnlyList<IPNetwork> TrustedProxies)
{
    public const string DefaultPublicUrl = "http://127.0.0.1:5080";

    public static HostingSettings Default { get; } = For(new Uri(DefaultPublicUrl));

    /// <summary>The settings for a public URL, with the default allowed hosts and the given trusted proxies.</summary>
    public static HostingSettings For(Uri publicUrl, IReadOnlyList<IPNetwork>? trustedProxies = null) =>
        new(publicUrl, DefaultAllowedHosts(publicUrl), trustedProxies ?? []);

    /// <summary>Scheme, host and port, without a trailing slash: links append their own path.</summary>
    public string BaseUrl => PublicUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>Served over https (directly or behind a TLS-terminating proxy): cookies become __Host- and Secure, HSTS is sent.</summary>
    public bool IsHttps => PublicUrl.Scheme == Uri.UriSchemeHttps;

    /// <summary>The public host, and the loopback names so that the machine itself (health checks, an operator) can reach it.</summary>
    public static IReadOnlyList<string> DefaultAllowedHosts(Uri publicUrl) =>
        new[] { publicUrl.IdnHost, "localhost", "127.0.0.1", "[::1]" }.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    internal static HostingSettings Read(Func<string, string?> get, ICollection<string> problems)
    {
        var publicUrl = ParsePublicUrl(get("PNX_PUBLIC_URL"), problems);
        var allowed = get("PNX_ALLOWED_HOSTS");
        return new HostingSettings(
            publicUrl,
            string.IsNullOrWhiteSpace(allowed) ? DefaultAllowedHosts(publicUrl) : ParseAllowedHosts(allowed, problems),
            ParseTrustedProxies(get("PNX_TRUSTED_PROXIES"), problems));
    }

    private static Uri ParsePublicUrl(string? value, ICollection<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) return new Uri(DefaultPublicUrl);
        var text = value.Trim();
        // The application lives at the root of its host: every link and asset path starts with '/'.
        if (Uri.TryCreate(text, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            && url.UserInfo.Length == 0 && url.AbsolutePath == "/" && url.Query.Length == 0 && url.Fragment.Length == 0)
        {
            return url;
        }

        problems.Add($"PNX_PUBLIC_URL: \"{text}\" is not an absolute http or https URL without a path (e.g. https://pnx.agii.be)");
        return new Uri(DefaultPublicUrl);
    }

    private static string[] ParseAllowedHosts(string value, ICollection<string> problems)
    {
        var hosts = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var host in hosts)
        {
            var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
            var valid = host == "*"
                || (name.StartsWith('[') && name.EndsWith(']') && IPAddress.TryParse(name[1..^1], out _))
                || (!name.Contains(':', StringComparison.Ordinal) && Uri.CheckHostName(name) is not UriHostNameType.Unknown);
            if (!valid) problems.Add($"PNX_ALLOWED_HOSTS: \"{host}\" is not a host name (give names like pnx.agii.be, separated by ';', without scheme or port)");
        }

        return hosts;
    }

    private static IPNetwork[] ParseTrustedProxies(string? value, ICollection<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var networks = new List<IPNetwork>();
        foreach (var entry in value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ParseNetwork(entry) is { } network)
            {
                networks.Add(network);
            }
            else
            {
                problems.Add($"PNX_TRUSTED_PROXIES: \"{entry}\" is not an IP address or a network in CIDR notation (e.g. 10.0.0.5 or 10.0.0.0/24, host bits zero)");
            }
        }

        return [.. networks];
    }

    private static IPNetwork? ParseNetwork(string entry)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? entry : entry[..slash];
        // IPAddress.TryParse also takes shorthand like "10" (0.0.0.10): a typo must not silently trust someone else.
        if (!IPAddress.TryParse(addressText, out var address)) return null;
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && addressText.Count(c => c == '.') != 3) return null;
        if (slash < 0) return new IPNetwork(address, address.GetAddressBytes().Length * 8);
        // Host bits must be zero: "10.0.0.1/8" is more likely a typo for one proxy than a wish to trust a whole /8.
        return IPNetwork.TryParse(entry, out var network) && network.BaseAddress.Equals(address) ? network : null;
    }
}
