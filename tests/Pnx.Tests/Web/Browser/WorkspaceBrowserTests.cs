using Microsoft.Playwright;
using Pnx.Access;
using Xunit.Abstractions;

namespace Pnx.Tests.Web.Browser;

/// <summary>
/// A real headless Chromium through the real pages. Steps for pages that are not built yet in this branch
/// run as soon as the app maps their route (read from its own endpoints), so they cannot silently rot.
/// </summary>
public sealed class WorkspaceBrowserTests(ITestOutputHelper output)
{
    private const string Nis = "23027";

    [BrowserFact]
    public async Task CaseWorkerSignsInWithPasswordAndCodeFiltersTheListOpensANewcomerAndSignsOut()
    {
        await using var session = await BrowserSession.StartAsync();
        var pages = new MainPages(output);
        var page = await session.NewPageAsync();

        var landing = await page.GotoAsync("/");
        Assert.Equal(200, landing!.Status);
        await pages.CheckAsync(page, "landing");
        await page.GetByRole(AriaRole.Link, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/aanmelden");

        await session.SignInAsync(page, Role.MunicipalCaseWorker, Nis, pages);
        Assert.Equal("/start", BrowserSession.PathOf(page));
        await pages.CheckAsync(page, "start");
        var workspace = page.Locator($"main a[href='/gemeenten/{Nis}/inburgeraars']");
        Assert.Equal(1, await workspace.CountAsync());

        if (session.Routes.Contains("/gemeenten/{nis}/inburgeraars"))
        {
            await workspace.ClickAsync();
            await page.WaitForURLAsync($"**/gemeenten/{Nis}/inburgeraars**");
            await pages.CheckAsync(page, "list");
            await NewcomerList.FilterAsync(page);
            await pages.CheckAsync(page, "list-filtered");
            await NewcomerList.OpenANewcomerAsync(page, Nis);
            await pages.CheckAsync(page, "detail");
        }
        else
        {
            output.WriteLine($"/gemeenten/{{nis}}/inburgeraars is not mapped in this build: list and detail steps not run");
        }

        if (session.Routes.Contains("/gemeenten/{nis}"))
        {
            var dashboard = await page.GotoAsync($"/gemeenten/{Nis}");
            Assert.Equal(200, dashboard!.Status);
            await pages.CheckAsync(page, "dashboard");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/afmelden");
        await page.GotoAsync("/start");
        Assert.Equal("/aanmelden", BrowserSession.PathOf(page));
        pages.AssertNoSeriousViolations();
    }

    [BrowserFact]
    public async Task AuditViewersAndAccessAdministrationAreReachableByTheirRolesAndAccessible()
    {
        await using var session = await BrowserSession.StartAsync();
        var pages = new MainPages(output);
        (Role Role, string? Nis, string Route, string Path, string Name)[] workspaces =
        [
            (Role.MunicipalDpo, Nis, "/gemeenten/{nis}/audit", $"/gemeenten/{Nis}/audit", "audit-municipal"),
            (Role.AgencyDpo, null, "/agentschap/audit", "/agentschap/audit", "audit-agency"),
            (Role.AgencyAccessAdministrator, null, "/agentschap/toegang", "/agentschap/toegang", "access-admin"),
        ];
        foreach (var (role, nis, route, path, name) in workspaces)
        {
            var page = await session.NewPageAsync();
            await session.SignInAsync(page, role, nis);
            // The start page offers exactly this role's workspace.
            Assert.Equal(1, await page.Locator($"main a[href='{path}']").CountAsync());
            if (!session.Routes.Contains(route))
            {
                output.WriteLine($"{route} is not mapped in this build: {name} not checked");
                continue;
            }

            await page.Locator($"main a[href='{path}']").ClickAsync();
            await page.WaitForURLAsync("**" + path + "**");
            Assert.Equal(path, BrowserSession.PathOf(page));
            await pages.CheckAsync(page, name);
        }

        pages.AssertNoSeriousViolations();
    }
}
