using System.Net;
using Pnx.Access;
using Pnx.Cli;
using Pnx.Hosting;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Security;

/// <summary>
/// The Host header and X-Forwarded-* are the client's to write: links come from PNX_PUBLIC_URL, foreign hosts
/// are refused, and forwarded headers count only from a configured proxy (here: the test, on 127.0.0.1).
/// </summary>
public sealed class PublicAddressTests
{
    private static readonly IPNetwork Loopback = IPNetwork.Parse("127.0.0.1/32");

    /// <summary>A bare client: it sends exactly the headers given and shows every Set-Cookie.</summary>
    private static async Task<HttpResponseMessage> GetAsync(TestWeb web, string path, string? host = null, IDictionary<string, string>? headers = null)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (host is not null) request.Headers.Host = host;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.Add(name, value);
        return await http.SendAsync(request);
    }

    private static Dictionary<string, string> Forwarded(string client = "203.0.113.7") =>
        new() { ["X-Forwarded-For"] = client, ["X-Forwarded-Proto"] = "https" };

    private static string Cookie(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(name + "=", StringComparison.Ordinal));

    [Fact]
    public async Task ARequestWithAForeignHostHeaderAnswers400()
    {
        await using var web = await TestWeb.StartAsync(hosting: HostingSettings.For(new Uri("http://pnx.agii.be")));
        foreach (var path in new[] { "/", "/aanmelden", "/health" })
        {
            using var foreign = await GetAsync(web, path, host: "aanvaller.example");
            Assert.True(foreign.StatusCode == HttpStatusCode.BadRequest, $"GET {path} for a foreign host answered {(int)foreign.StatusCode}");
        }

        foreach (var allowed in new[] { "pnx.agii.be", "localhost", "127.0.0.1", "PNX.agii.be:5080" })
        {
            using var response = await GetAsync(web, "/", host: allowed);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Host {allowed} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task WithAnHttpsPublicUrlAPlainHttpRequestIsRedirectedThereButHealthStaysReachable()
    {
        await using var web = await TestWeb.StartAsync(hosting: HostingSettings.For(new Uri("https://pnx.agii.be")));
        using (var plain = await GetAsync(web, "/aanmelden?returnUrl=%2Fstart"))
        {
            Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
            Assert.Equal("https://pnx.agii.be/aanmelden?returnUrl=%2Fstart", plain.Headers.Location?.OriginalString);
        }

        using var health = await GetAsync(web, "/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task TheWebActivationLinkIsBuiltFromThePublicUrlWhateverHostTheRequestNamed()
    {
        // Every host allowed, so that only the link-building is under test.
        await using var web = await TestWeb.StartAsync(hosting: new HostingSettings(new Uri("http://pnx.agii.be:8080"), ["*"], []));
        using var admin = await web.SignInAsync(Role.AgencyAccessAdministrator);
        admin.SendHostHeader("aanvaller.example");
        using var created = await admin.PostFormAsync("/agentschap/toegang/gebruikers",
            new Dictionary<string, string> { ["Email"] = "nieuw@halle.invalid", ["Name"] = "Nieuwe collega" },
            "/agentschap/toegang/gebruikers?handler=Add");
        var html = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("http://pnx.agii.be:8080/activeren/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aanvaller.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserAddPrintsALinkOnThePublicUrlAndBaseUrlStillOverridesIt()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var settings = database.Settings with { Hosting = HostingSettings.For(new Uri("https://pnx.agii.be")) };
        var cli = new PnxCli(settings, TimeProvider.System);
        var configured = await cli.RunExpectingAsync(ExitCodes.Done, "user", "add", "--email", "een@agii.invalid", "--name", "Een");
        Assert.Contains("activation link (valid 24 hours, once): https://pnx.agii.be/activeren/", configured.Out, StringComparison.Ordinal);
        var overridden = await cli.RunExpectingAsync(ExitCodes.Done, "user", "add", "--email", "twee@agii.invalid", "--name", "Twee", "--base-url", "https://test.agii.be/");
        Assert.Contains("https://test.agii.be/activeren/", overridden.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ForwardedHeadersFromAnUntrustedAddressAreIgnored(bool someOtherProxyIsTrusted)
    {
        IPNetwork[] trusted = someOtherProxyIsTrusted ? [IPNetwork.Parse("192.0.2.0/24")] : [];
        await using var web = await TestWeb.StartAsync(hosting: HostingSettings.For(new Uri("http://pnx.test"), trusted));
        using var response = await GetAsync(web, "/aanmelden", host: "pnx.test", headers: Forwarded());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("secure", Cookie(response, "pnx-csrf"), StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task BehindATrustedProxyForwardedHttpsGivesSecureCookiesAndHsts()
    {
        await using var web = await TestWeb.StartAsync(hosting: HostingSettings.For(new Uri("http://pnx.test"), [Loopback]));
        using var response = await GetAsync(web, "/aanmelden", host: "pnx.test", headers: Forwarded());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("secure", Cookie(response, "pnx-csrf"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);

        // The same proxy forwarding plain http: no Secure, no HSTS.
        using var plain = await GetAsync(web, "/aanmelden", host: "pnx.test", headers: new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.7", ["X-Forwarded-Proto"] = "http" });
        Assert.DoesNotContain("secure", Cookie(plain, "pnx-csrf"), StringComparison.OrdinalIgnoreCase);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task WithAnHttpsPublicUrlCookiesUseTheHostPrefixBehindTheProxy()
    {
        await using var web = await TestWeb.StartAsync(hosting: HostingSettings.For(new Uri("https://pnx.test"), [Loopback]));
        using var response = await GetAsync(web, "/aanmelden", host: "pnx.test", headers: Forwarded());
        var cookie = Cookie(response, "__Host-pnx-csrf");
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task BehindATrustedProxyTheSignInLimitCountsPerForwardedClient()
    {
        await using var web = await TestWeb.StartAsync(limits: new WebLimits(SignInsPerMinute: 2), hosting: HostingSettings.For(new Uri("http://pnx.test"), [Loopback]));
        for (var i = 0; i < 2; i++)
        {
            using var ok = await GetAsync(web, "/aanmelden", host: "pnx.test", headers: Forwarded("203.0.113.1"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using (var limited = await GetAsync(web, "/aanmelden", host: "pnx.test", headers: Forwarded("203.0.113.1")))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        }

        using var otherClient = await GetAsync(web, "/aanmelden", host: "pnx.test", headers: Forwarded("203.0.113.2"));
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
    }

    [Fact]
    public async Task WithoutTrustedProxiesAForgedForwardedForDoesNotEscapeTheSignInLimit()
    {
        await using var web = await TestWeb.StartAsync(limits: new WebLimits(SignInsPerMinute: 2));
        for (var i = 0; i < 2; i++)
        {
            using var ok = await GetAsync(web, "/aanmelden", headers: Forwarded("203.0.113." + (10 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await GetAsync(web, "/aanmelden", headers: Forwarded("203.0.113.99"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }
}
