using System.Net;
using Microsoft.AspNetCore.Builder;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Pnx.Access;
using Pnx.Cli;
using Pnx.Demo;
using Pnx.Hosting;

namespace Pnx.Tests.Infrastructure;

/// <summary>
/// The real web host on a free loopback port over a real database, with the demo municipalities,
/// newcomers and accounts. Identity checks TOTP codes against the system clock, so web tests run on
/// real time unless a test needs to move it.
/// </summary>
public sealed partial class TestWeb : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestWeb(TestDatabase database, WebApplication app, IReadOnlyList<DemoAccount> accounts)
    {
        Database = database;
        _app = app;
        Accounts = accounts;
        BaseAddress = new Uri(app.Urls.First());
    }

    public TestDatabase Database { get; }

    public Uri BaseAddress { get; }

    public IReadOnlyList<DemoAccount> Accounts { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="hosting">Public address, allowed hosts and trusted proxies; by default those of a fresh installation.</param>
    public static async Task<TestWeb> StartAsync(TimeProvider? time = null, WebLimits? limits = null, HostingSettings? hosting = null)
    {
        time ??= TimeProvider.System;
        var database = await TestDatabase.CreateMigratedAsync();
        using var quiet = new StringWriter();
        await DemoData.EnsureAsync(new CliContext(database.Settings, quiet, quiet, time), CancellationToken.None);
        var settings = hosting is null ? database.Settings : database.Settings with { Hosting = hosting };
        var app = WebHost.Build(settings, time, "http://127.0.0.1:0", limits);
        await app.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = await DemoAccounts.EnsureAsync(scope.ServiceProvider, time, CancellationToken.None);
        return new TestWeb(database, app, accounts);
    }

    public DemoAccount Account(Role role, string? nis = null) =>
        Accounts.First(a => a.Role == role && (nis is null || a.MunicipalityNis == nis));

    /// <summary>A browser-like client: its own cookies, no automatic redirects.</summary>
    public WebClient NewClient() => new(BaseAddress);

    public async Task<WebClient> SignInAsync(Role role, string? nis = null)
    {
        var client = NewClient();
        await client.SignInAsync(Account(role, nis));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>An HTTP client that keeps cookies and fills in the antiforgery token of the form it posts.</summary>
public sealed partial class WebClient : IDisposable
{
    private readonly HttpClient _http;

    public WebClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    /// <summary>Sends this bearer token with every request, as an API client does (it never signs in).</summary>
    public void UseBearer(string token) =>
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        _http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form the way a browser does after loading <paramref name="formPage"/>: with its antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, IDictionary<string, string> fields, string? action = null)
    {
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(formPage) };
        return await PostRawAsync(action ?? formPage, values);
    }

    /// <summary>Loads <paramref name="formPage"/> and returns its antiforgery token, for a test that times the POST alone.</summary>
    public async Task<string> AntiforgeryTokenAsync(string formPage)
    {
        var token = AntiforgeryToken().Match(await GetPageAsync(formPage));
        Assert.True(token.Success, $"no antiforgery token on {formPage}");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public Task<HttpResponseMessage> PostRawAsync(string path, IDictionary<string, string> values) =>
        _http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(values));

    public async Task SignInAsync(DemoAccount account)
    {
        using var password = await PostFormAsync("/aanmelden", new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = account.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/aanmelden/code", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var code = await PostFormAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = await Totp.FreshCodeAsync(account.TotpSecret) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public void Dispose() => _http.Dispose();
}
