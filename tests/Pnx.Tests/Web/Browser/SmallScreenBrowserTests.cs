using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pnx.Access;
using Xunit.Abstractions;

namespace Pnx.Tests.Web.Browser;

/// <summary>
/// A 390-pixel phone: every page any demo role reaches from the navigation, plus the public pages, fits the screen
/// (document.documentElement.scrollWidth ≤ 390); a wide table scrolls inside its own box. Each page leaves a
/// screenshot named 390-ROLE-PAGE.png in the screenshot folder.
/// </summary>
public sealed partial class SmallScreenBrowserTests(ITestOutputHelper output)
{
    private const int Width = 390;
    private const int PagesPerRole = 30;
    private const string Nis = "23027";

    private static readonly (Role Role, string? Nis)[] Roles =
    [
        (Role.MunicipalCaseWorker, Nis), (Role.MunicipalOfferManager, Nis), (Role.MunicipalDpo, Nis),
        (Role.AgencyAccessAdministrator, null), (Role.AgencyDataSteward, null), (Role.AgencyTrajectoryCounsellor, null), (Role.AgencyDpo, null),
    ];

    [BrowserFact]
    public async Task NoPageAnyRoleReachesIsWiderThanA390PixelScreen()
    {
        await using var session = await BrowserSession.StartAsync();
        var failures = new List<string>();
        var visited = 0;

        var visitor = await session.NewPageAsync(Width);
        foreach (var path in new[] { "/", "/aanmelden", "/protocollen" })
        {
            await GotoAsync(visitor, path);
            await CheckAsync(visitor, "public", failures);
            visited++;
        }

        foreach (var (role, nis) in Roles)
        {
            var page = await session.NewPageAsync(Width);
            await session.SignInAsync(page, role, nis);
            visited += await CrawlAsync(page, role.Slug(), failures);
        }

        // The municipal DPO's chain check: its result and the head's 64-character hash must fit too.
        var dpo = await session.NewPageAsync(Width);
        await session.SignInAsync(dpo, Role.MunicipalDpo, Nis);
        await GotoAsync(dpo, $"/gemeenten/{Nis}/audit");
        await dpo.GetByRole(AriaRole.Button, new() { Name = "Keten controleren" }).ClickAsync();
        await dpo.WaitForLoadStateAsync();
        Assert.Contains("Keten intact", await dpo.InnerTextAsync("main"), StringComparison.Ordinal);
        await CheckAsync(dpo, "municipal-dpo-chain-check", failures);

        output.WriteLine($"{visited + 1} pages checked at {Width} px");
        Assert.True(visited >= 30, $"only {visited} pages reached: the crawl did not get through the navigation");
        Assert.True(failures.Count == 0, "pages wider than the screen:" + Environment.NewLine + string.Join(Environment.NewLine, failures));
    }

    [BrowserFact]
    public async Task OnAPhoneTheAuditFiltersAreFoldedAwayAndTheEntriesComeFirstOnAWideScreenTheyAreOpen()
    {
        await using var session = await BrowserSession.StartAsync();
        foreach (var (width, folded) in new[] { (Width, true), (1280, false) })
        {
            var page = await session.NewPageAsync(width);
            await session.SignInAsync(page, Role.AgencyDpo, null);
            await GotoAsync(page, "/agentschap/audit");
            var filter = page.Locator("form.filters");
            Assert.Equal(!folded, await filter.IsVisibleAsync());
            var table = await page.Locator("table.audit").BoundingBoxAsync();
            Assert.NotNull(table);
            if (folded)
            {
                Assert.True(table.Y < 900, $"the entries start {table.Y} px down on a phone, below the first screen");
                await page.GetByText("Filters", new() { Exact = true }).First.ClickAsync();
                Assert.True(await filter.IsVisibleAsync());
                await page.GetByLabel("Handeling").SelectOptionAsync(new SelectOptionValue { Label = "Aangemeld" });
                await page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
                await page.WaitForLoadStateAsync();
                Assert.Contains("Aangemeld", await page.Locator("table.audit tbody").InnerTextAsync(), StringComparison.Ordinal);
                Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= Width);
            }

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder(), $"audit-agency-{width}.png"), FullPage = true });
        }
    }

    /// <summary>Follows the links in the header and the page body, one page per route shape (ids folded), up to a limit.</summary>
    private async Task<int> CrawlAsync(IPage page, string role, List<string> failures)
    {
        var queue = new Queue<string>(["/start"]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Shape("/start") };
        var count = 0;
        while (queue.Count > 0 && count < PagesPerRole)
        {
            var path = queue.Dequeue();
            if (!await GotoAsync(page, path)) continue;
            count++;
            await CheckAsync(page, role, failures);
            var links = await page.EvalOnSelectorAllAsync<string[]>("header a[href], main a[href]", "as => as.map(a => a.getAttribute('href'))");
            foreach (var href in links.Where(Followable))
            {
                if (seen.Add(Shape(href))) queue.Enqueue(href);
            }
        }

        return count;
    }

    /// <returns>False for a link that turned out to be a download.</returns>
    private async Task<bool> GotoAsync(IPage page, string path)
    {
        try
        {
            var response = await page.GotoAsync(path);
            if (response is { Status: not 200 }) output.WriteLine($"  {path}: HTTP {response.Status}");
            return true;
        }
        catch (PlaywrightException e) when (e.Message.Contains("Download", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
    }

    private async Task CheckAsync(IPage page, string role, List<string> failures)
    {
        var path = new Uri(page.Url).PathAndQuery;
        var name = $"390-{role}-{Regex.Replace(new Uri(page.Url).AbsolutePath.Trim('/'), "[^A-Za-z0-9]+", "-")}";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder(), (name.EndsWith('-') ? name + "home" : name) + ".png"), FullPage = true });
        // What scrolls sideways in its own box must be reachable by keyboard: focusable itself or holding something focusable.
        var unreachable = await page.EvaluateAsync<string[]>(
            @"() => [...document.querySelectorAll('main *')].filter(e => {
                    const overflow = getComputedStyle(e).overflowX;
                    return (overflow === 'auto' || overflow === 'scroll') && e.scrollWidth > e.clientWidth + 1 && e.tabIndex < 0
                        && !e.querySelector('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex=""-1""])');
                }).slice(0, 4).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))");
        if (unreachable.Length > 0) failures.Add($"{role} {path}: scrolls sideways without keyboard access: {string.Join(", ", unreachable)}");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        output.WriteLine($"{role} {path}: {width} px");
        if (width <= Width) return;
        var culprits = await page.EvaluateAsync<string[]>(
            @"w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-scroll, table'))
                .slice(0, 6).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' (' + Math.round(e.getBoundingClientRect().right) + ')')", Width);
        failures.Add($"{role} {path}: {width} px wide; {string.Join(", ", culprits)}");
    }

    private static bool Followable(string? href) =>
        href is not null && href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !href.Contains("handler=", StringComparison.OrdinalIgnoreCase) && !href.StartsWith("/afmelden", StringComparison.Ordinal)
        && !href.StartsWith("/api", StringComparison.Ordinal) && !href.StartsWith("/static", StringComparison.Ordinal)
        && !Regex.IsMatch(href, @"\.(csv|xlsx|jsonl|pdf|json)(\?|$)", RegexOptions.IgnoreCase);

    /// <summary>A route's shape: the path without its query, numbers and dossier-like ids folded, so one of each is visited.</summary>
    private static string Shape(string href) => Digits().Replace(href.Split('?', '#')[0], "{id}");

    [GeneratedRegex(@"(?<=/)[A-Za-z]{0,3}[0-9][A-Za-z0-9-]*")]
    private static partial Regex Digits();
}
