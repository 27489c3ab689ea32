using System.Net;
using Pnx.Access;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web;

public sealed class SignInTests : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task SignedInUserSeesTheirWorkspacesOnTheStartPage()
    {
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var html = await client.GetPageAsync("/start");
        Assert.Contains("/gemeenten/23027/inburgeraars", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/gemeenten/23088", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordWithoutTheSecondFactorReachesNoProtectedPage()
    {
        using var client = _web.NewClient();
        var account = _web.Account(Role.MunicipalCaseWorker, "23027");
        using var password = await client.PostFormAsync("/aanmelden", new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = account.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        using var start = await client.GetAsync("/start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith("/aanmelden", start.Headers.Location?.AbsolutePath ?? start.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPasswordIsRefusedWithoutSayingWhichPartWasWrong()
    {
        using var client = _web.NewClient();
        var account = _web.Account(Role.MunicipalCaseWorker, "23027");
        using var response = await client.PostFormAsync("/aanmelden", new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = account.Password + "x" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Aanmelden mislukt", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutEndsTheSessionServerSideSoTheOldCookieStopsWorking()
    {
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var cookies = client.Cookies.GetAllCookies().Cast<Cookie>().Select(c => new Cookie(c.Name, c.Value, c.Path, c.Domain)).ToList();
        using (await client.PostFormAsync("/start", new Dictionary<string, string>(), "/afmelden"))
        {
        }

        using var replay = _web.NewClient();
        foreach (var cookie in cookies) replay.Cookies.Add(cookie);
        using var response = await replay.GetAsync("/start");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryTokenIsRefused()
    {
        var account = _web.Account(Role.MunicipalCaseWorker, "23027");
        using var client = _web.NewClient();
        using var response = await client.PostRawAsync("/aanmelden", new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = account.Password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
