using System.Net;
using System.Text.RegularExpressions;
using Pnx.Access;
using Pnx.Hosting;
using Pnx.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Pnx.Tests.Web.Navigation;

/// <summary>
/// No dead links for any role: signed in as each demo role, follow every same-origin link (GET only) from the start
/// page, breadth first, and require that none answers 404 or a server error. Bounded: at most a few pages per link
/// shape (the same path with other ids, or the same query keys with other values), so the crawl stays small.
/// </summary>
public sealed partial class DeadLinkCrawlTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int MaxPagesPerRole = 250;
    private const int PagesPerShape = 2;

    private TestWeb _web = null!;

    public async Task InitializeAsync() =>
        _web = await TestWeb.StartAsync(limits: new WebLimits(SignInsPerMinute: 1000, ReadsPerMinute: 100000));

    public async Task DisposeAsync() => await _web.DisposeAsync();

    public static TheoryData<Role> EveryRole() => [.. Roles.All];

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task EveryLinkThisRoleSeesLeadsSomewhere(Role role)
    {
        using var client = await _web.SignInAsync(role, role.IsMunicipal() ? "23027" : null);
        var queue = new Queue<(string Url, string From)>([("/start", "sign-in")]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/start" };
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var dead = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPagesPerRole)
        {
            var (url, from) = queue.Dequeue();
            visited++;
            using var response = await client.GetAsync(url);
            var status = (int)response.StatusCode;
            if (status == 404 || status >= 500) dead.Add($"{url} answered {status} (linked from {from})");
            if (status == 403) output.WriteLine($"{role}: {url} answered 403 (linked from {from})");

            var next = new List<string>();
            if (response.Headers.Location is { } location) next.Add(location.OriginalString);
            if (status == 200 && response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var html = await response.Content.ReadAsStringAsync();
                next.AddRange(Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
            }

            foreach (var link in next.Select(Local).OfType<string>())
            {
                if (!seen.Add(link)) continue;
                var shape = Shape(link);
                shapes.TryGetValue(shape, out var count);
                if (count >= PagesPerShape) continue;
                shapes[shape] = count + 1;
                queue.Enqueue((link, url));
            }
        }

        output.WriteLine($"{role}: {visited} pages visited, {shapes.Count} link shapes");
        Assert.True(visited > 1, $"{role}: the start page links nowhere");
        Assert.True(dead.Count == 0, $"{role}: dead links:{Environment.NewLine}{string.Join(Environment.NewLine, dead)}");
    }

    /// <summary>The path and query of a same-origin link, without its fragment; null for anything else.</summary>
    private static string? Local(string href)
    {
        var link = href.Split('#')[0];
        if (link.Length == 0 || !link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal)) return null;
        return link;
    }

    /// <summary>Numbers become {n} and query values drop out: /gemeenten/{n}/inburgeraars/{n}?terug.</summary>
    private static string Shape(string link)
    {
        var parts = link.Split('?', 2);
        var path = Number().Replace(parts[0], "{n}");
        var keys = parts.Length == 1 ? "" : string.Join("&", parts[1].Split('&').Select(p => p.Split('=')[0]).Distinct().Order(StringComparer.Ordinal));
        return path + "?" + keys;
    }

    [GeneratedRegex("<a\\s[^>]*href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("\\d+")]
    private static partial Regex Number();
}
