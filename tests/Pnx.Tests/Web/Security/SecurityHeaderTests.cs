using HttpStatusCode = System.Net.HttpStatusCode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pnx.Access;
using Pnx.Hosting;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Security;

public sealed class SecurityHeaderTests : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    internal static void AssertSecurityHeaders(HttpResponseMessage response, bool page)
    {
        var what = $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}";
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        foreach (var directive in new[] { "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "default-src 'self'" })
        {
            Assert.True(csp.Contains(directive, StringComparison.Ordinal), $"{what}: CSP lacks {directive}");
        }

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.Contains("Referrer-Policy"), $"{what}: no Referrer-Policy");
        if (page) Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what}: no Cache-Control: no-store");
    }

    [Fact]
    public async Task EverySecurityHeaderIsOnEveryResponseType()
    {
        using var anonymous = _web.NewClient();
        using var signedIn = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var cases = new (WebClient Client, string Path, HttpStatusCode Status, bool Page)[]
        {
            (anonymous, "/", HttpStatusCode.OK, true),
            (signedIn, "/account", HttpStatusCode.OK, true),
            (signedIn, "/bestaat-niet", HttpStatusCode.NotFound, true),
            (anonymous, "/fout", HttpStatusCode.OK, true),
            (anonymous, "/static/pnx.css", HttpStatusCode.OK, false),
            (anonymous, "/health", HttpStatusCode.OK, true),
            (anonymous, "/start", HttpStatusCode.Redirect, true),
            (anonymous, "/api/bestaat-niet", HttpStatusCode.NotFound, true),
        };
        foreach (var (client, path, status, page) in cases)
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == status, $"GET {path} answered {(int)response.StatusCode}, expected {(int)status}");
            AssertSecurityHeaders(response, page);
        }
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Fact]
    public async Task CookiesAreHttpOnlyAndSameSiteStrict()
    {
        using var client = _web.NewClient();
        var account = _web.Account(Role.MunicipalCaseWorker, "23027");
        var setCookies = new List<string>();
        using (var form = await client.GetAsync("/aanmelden")) setCookies.AddRange(Cookies(form));
        using (var password = await client.PostFormAsync("/aanmelden", new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = account.Password }))
        {
            setCookies.AddRange(Cookies(password));
        }

        using (var code = await client.PostFormAsync("/aanmelden/code", new Dictionary<string, string> { ["Code"] = await Totp.FreshCodeAsync(account.TotpSecret) }))
        {
            setCookies.AddRange(Cookies(code));
        }

        Assert.Contains(setCookies, c => c.StartsWith("pnx-session=", StringComparison.Ordinal));
        Assert.Contains(setCookies, c => c.StartsWith("pnx-csrf=", StringComparison.Ordinal));
        foreach (var cookie in setCookies)
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task OverHttpsCookiesUseTheHostPrefixAndAreSecureAndHstsLastsAYear()
    {
        // Kestrel needs a certificate to serve HTTPS, so the configuration of a host built for an https URL is checked unstarted.
        await using var app = WebHost.Build(_web.Database.Settings, TimeProvider.System, "https://127.0.0.1:0");
        var cookies = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme })
        {
            var cookie = cookies.Get(scheme).Cookie;
            Assert.StartsWith("__Host-", cookie.Name, StringComparison.Ordinal);
            Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
            Assert.Equal(SameSiteMode.Strict, cookie.SameSite);
            Assert.Equal("/", cookie.Path);
        }

        var antiforgery = app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>().Value.Cookie;
        Assert.StartsWith("__Host-", antiforgery.Name, StringComparison.Ordinal);
        Assert.Equal(CookieSecurePolicy.Always, antiforgery.SecurePolicy);
        Assert.True(app.Services.GetRequiredService<IOptions<HstsOptions>>().Value.MaxAge >= TimeSpan.FromDays(365));
    }

    [Fact]
    public async Task AnUnknownApiRouteAnswersProblemDetails()
    {
        using var client = _web.NewClient();
        using var response = await client.GetAsync("/api/inburgeraars/123");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheErrorPageIsDutchAndShowsNoTechnicalDetail()
    {
        using var client = _web.NewClient();
        var html = await client.GetPageAsync("/fout");
        Assert.Contains("Er ging iets mis", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptInANameIsRenderedAsText()
    {
        const string script = "<script>alert(1)</script>";
        await new PnxCli(_web.Database.Settings, TimeProvider.System).RunExpectingAsync(Pnx.Cli.ExitCodes.Done, "municipality", "add", "--nis", "99999", "--name", script);
        var account = _web.Account(Role.MunicipalCaseWorker, "23088");
        await using (var db = _web.Database.Open())
        {
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
                db.Users.Where(u => u.Email == account.Email), s => s.SetProperty(u => u.DisplayName, script));
        }

        using var anonymous = _web.NewClient();
        using var signedIn = await _web.SignInAsync(Role.MunicipalCaseWorker, "23088");
        foreach (var html in new[] { await anonymous.GetPageAsync("/"), await signedIn.GetPageAsync("/account") })
        {
            Assert.DoesNotContain(script, html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        }
    }
}
