using System.Net;
using Pnx.Access;
using Pnx.Hosting;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Security;

public sealed class SignInProtectionTests
{
    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountSoEvenTheRightPasswordIsRefused()
    {
        await using var web = await TestWeb.StartAsync();
        var account = web.Account(Role.MunicipalCaseWorker, "23027");
        using var client = web.NewClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostFormAsync("/aanmelden", new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = "fout wachtwoord " + i });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await client.PostFormAsync("/aanmelden", new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = account.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Aanmelden mislukt", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInAnswers429AfterTheLimitWithTheSecurityHeaders()
    {
        await using var web = await TestWeb.StartAsync(limits: new WebLimits(SignInsPerMinute: 3));
        using var client = web.NewClient();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync("/aanmelden");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await client.GetAsync("/aanmelden");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        SecurityHeaderTests.AssertSecurityHeaders(limited, page: true);
        Assert.Contains("Te veel aanvragen", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task ReadsAnswer429AfterTheLimit()
    {
        await using var web = await TestWeb.StartAsync(limits: new WebLimits(ReadsPerMinute: 3));
        using var client = await web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        for (var i = 0; i < 3; i++) await client.GetPageAsync("/account");
        using var limited = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task PostsWithoutAntiforgeryTokenAreRefusedOnSignOutAndTheLanguageSwitch()
    {
        await using var web = await TestWeb.StartAsync();
        using var client = await web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        using (var signOut = await client.PostRawAsync("/afmelden", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/start")).StatusCode);
        using var language = await client.PostRawAsync("/taal", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.BadRequest, language.StatusCode);
        Assert.DoesNotContain(client.Cookies.GetAllCookies(), c => c.Name == ".AspNetCore.Culture");
    }
}
