using System.Diagnostics;
using System.Text.RegularExpressions;
using HttpStatusCode = System.Net.HttpStatusCode;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Cli;
using Pnx.Hosting;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.SignIn;

/// <summary>Issue 6: a refused sign-in tells a stranger nothing, neither in its text nor in its timing.</summary>
public sealed partial class SignInSecrecyTests : IAsyncLifetime
{
    private const string WrongPassword = "niet het juiste wachtwoord";
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync(limits: new WebLimits(SignInsPerMinute: 1000));

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task SignInAnswersTheSameTextForAnUnknownDisabledLockedOrWrongPasswordAccount()
    {
        var disabled = _web.Account(Role.MunicipalCaseWorker, "23027");
        var admin = _web.Account(Role.AgencyAccessAdministrator);
        await new PnxCli(_web.Database.Settings, TimeProvider.System).RunExpectingAsync(ExitCodes.Done, "user", "disable", "--email", disabled.Email, "--by", admin.Email);
        var locked = _web.Account(Role.MunicipalOfferManager, "23027");
        using var client = _web.NewClient();
        for (var i = 0; i < AccessServices.MaxFailedSignIns; i++) await SignInSteps.PostPasswordAsync(client, locked.Email, WrongPassword + i);
        var wrong = _web.Account(Role.MunicipalDpo, "23027");

        var answers = new[]
        {
            ("niemand@demo.invalid", "een wachtwoord dat niemand heeft"),
            (disabled.Email, disabled.Password),
            (locked.Email, locked.Password),
            (wrong.Email, WrongPassword),
        };
        var pages = new List<string>();
        foreach (var (email, password) in answers)
        {
            var (status, html) = await SignInSteps.PostPasswordAsync(client, email, password);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Aanmelden mislukt", html, StringComparison.Ordinal);
            Assert.DoesNotContain("vergrendeld na", html, StringComparison.Ordinal);
            pages.Add(AntiforgeryValue().Replace(html.Replace(email, "EMAIL", StringComparison.Ordinal), "TOKEN"));
        }

        Assert.All(pages, page => Assert.Equal(pages[0], page));
        await using var db = _web.Database.Open();
        var audited = (await db.AuditEntries.Where(e => e.Action == "sign-in.failed").OrderByDescending(e => e.Seq).Take(4).ToListAsync()).AsEnumerable().Reverse().ToList();
        Assert.Equal(["unknown account", "disabled account", "locked out", "wrong password"], audited.Select(e => e.Detail));
        Assert.Equal("anonymous", audited[0].Actor);
        Assert.All(audited, e => Assert.DoesNotContain("@", e.Actor + e.Detail + e.Subjects, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownAccountTakesAboutAsLongToRefuseAsAnExistingOne()
    {
        // Alternating attempts share whatever else the machine is doing; existing accounts take turns so none locks.
        using var client = _web.NewClient();
        var existing = _web.Accounts.Select(a => a.Email).ToArray();
        var unknownTimes = new List<double>();
        var existingTimes = new List<double>();
        const int warmUp = 2, attempts = 15;
        for (var i = 0; i < warmUp + attempts; i++)
        {
            var unknown = $"onbekend{i}@demo.invalid";
            var known = existing[i % existing.Length];
            var (first, second) = i % 2 == 0 ? (unknown, known) : (known, unknown);
            var firstTime = await TimeRefusalAsync(client, first);
            var secondTime = await TimeRefusalAsync(client, second);
            if (i < warmUp) continue;
            (first == unknown ? unknownTimes : existingTimes).Add(firstTime);
            (second == unknown ? unknownTimes : existingTimes).Add(secondTime);
        }

        var ratio = Median(unknownTimes) / Median(existingTimes);
        Assert.True(ratio is > 0.5 and < 2.0, $"median unknown {Median(unknownTimes):F1} ms vs existing {Median(existingTimes):F1} ms (ratio {ratio:F2})");
    }

    [Theory]
    [InlineData("/start\r\nSet-Cookie: x=1")]
    [InlineData("/\0")]
    [InlineData("/gemeenten/23027\u0085")]
    [InlineData("/gemeenten/\u00e9")]
    public async Task AReturnUrlWithControlOrNonAsciiCharactersNeverCausesAServerError(string returnUrl)
    {
        var account = _web.Account(Role.MunicipalCaseWorker, "23027");
        var query = "?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        using var client = _web.NewClient();
        await client.GetPageAsync("/aanmelden" + query);
        using (var password = await client.PostFormAsync("/aanmelden" + query, new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = account.Password }))
        {
            AssertRedirect(password, "/aanmelden/code?ReturnUrl=%2Fstart");
        }

        await client.GetPageAsync("/aanmelden/code" + query);
        using (var code = await client.PostFormAsync("/aanmelden/code" + query, new Dictionary<string, string> { ["Code"] = await Totp.FreshCodeAsync(account.TotpSecret) }))
        {
            AssertRedirect(code, "/start");
        }

        // In a form field, a value that cannot even be read (a NUL) may answer 400 instead: never 500.
        using (var language = await client.PostFormAsync("/start", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = returnUrl }, "/taal"))
        {
            AssertRedirect(language, "/", badRequestAllowed: true);
        }

        using var again = _web.NewClient();
        using var posted = await again.PostFormAsync("/aanmelden", new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = account.Password, ["ReturnUrl"] = returnUrl });
        AssertRedirect(posted, "/aanmelden/code?ReturnUrl=%2Fstart", badRequestAllowed: true);
    }

    private static void AssertRedirect(HttpResponseMessage response, string location, bool badRequestAllowed = false)
    {
        if (badRequestAllowed && response.StatusCode == HttpStatusCode.BadRequest) return;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    private static async Task<double> TimeRefusalAsync(WebClient client, string email)
    {
        var fields = new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = WrongPassword, ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync("/aanmelden"),
        };
        var watch = Stopwatch.StartNew();
        using var response = await client.PostRawAsync("/aanmelden", fields);
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryValue();
}
