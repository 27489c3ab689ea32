using Microsoft.Playwright;
using Pnx.Access;
using Pnx.Hosting;
using Pnx.Tests.Infrastructure;
using Pnx.Tests.Web.Authorization;

namespace Pnx.Tests.Web.Browser;

/// <summary>The real host and a real Chromium for one test, with the user's steps written as a person takes them.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(TestWeb web, IPlaywright playwright, IBrowser browser, IReadOnlySet<string> routes)
    {
        Web = web;
        _playwright = playwright;
        _browser = browser;
        Routes = routes;
    }

    public TestWeb Web { get; }

    /// <summary>The app's routes (normalised), so steps for pages other engineers are building run as soon as the pages exist.</summary>
    public IReadOnlySet<string> Routes { get; }

    public static async Task<BrowserSession> StartAsync()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        var web = await TestWeb.StartAsync(limits: new WebLimits(SignInsPerMinute: 1000, ReadsPerMinute: 100000));
        var routes = (await AppEndpoints.ListAsync(web.Services)).Select(e => e.Route).ToHashSet(StringComparer.Ordinal);
        return new BrowserSession(web, playwright, browser, routes);
    }

    /// <param name="width">390 is a common phone width; pages must stay readable there without scrolling sideways.</param>
    /// <param name="javaScript">false to prove a flow works with plain HTML forms.</param>
    public async Task<IPage> NewPageAsync(int width = 1280, bool javaScript = true)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Web.BaseAddress.ToString().TrimEnd('/'),
            Locale = "nl-BE",
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Types the password and the current TOTP code into the real form; checks each step's page when <paramref name="pages"/> is given.</summary>
    public async Task SignInAsync(IPage page, Role role, string? nis, MainPages? pages = null)
    {
        var account = Web.Account(role, nis);
        await page.GotoAsync("/aanmelden");
        if (pages is not null) await pages.CheckAsync(page, "sign-in");
        await page.GetByLabel("E-mailadres").FillAsync(account.Email);
        await page.GetByLabel("Wachtwoord").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();
        await page.WaitForURLAsync("**/aanmelden/code**");
        if (pages is not null) await pages.CheckAsync(page, "sign-in-code");
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(await Totp.FreshCodeAsync(account.TotpSecret));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/start");
    }

    public static string PathOf(IPage page) => new Uri(page.Url).AbsolutePath;

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Web.DisposeAsync();
    }
}
