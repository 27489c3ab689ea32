using System.Net;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Accounts;

public sealed class AccountPageTests : IAsyncLifetime
{
    private const string NewPassword = "een nieuw en lang wachtwoord";
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task TheAccountPageShowsEmailNameAndActiveGrantsWithTheirEndDate()
    {
        var account = _web.Account(Role.MunicipalCaseWorker, "23027");
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var html = await client.GetPageAsync("/account");
        Assert.Contains(account.Email, html, StringComparison.Ordinal);
        Assert.Contains("Toeleider", html, StringComparison.Ordinal);
        Assert.Contains("23027 Halle", html, StringComparison.Ordinal);
        Assert.Matches(@"<td>\d\d/\d\d/\d{4}</td>", html);
    }

    [Fact]
    public async Task ChangingThePasswordNeedsBothFactorsAndEndsEveryOtherSession()
    {
        var account = _web.Account(Role.MunicipalOfferManager, "23027");
        using var here = await _web.SignInAsync(Role.MunicipalOfferManager, "23027");
        using var elsewhere = await _web.SignInAsync(Role.MunicipalOfferManager, "23027");

        var fields = new Dictionary<string, string>
        {
            ["CurrentPassword"] = account.Password, ["Code"] = "12345", ["NewPassword"] = NewPassword, ["NewPasswordRepeat"] = NewPassword,
        };
        using (var refused = await here.PostFormAsync("/account", fields, "/account?handler=Password"))
        {
            Assert.Contains("Uw huidige wachtwoord of de code klopt niet", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/account")).StatusCode);
        fields["Code"] = await Totp.FreshCodeAsync(account.TotpSecret);
        using (var changed = await here.PostFormAsync("/account", fields, "/account?handler=Password"))
        {
            Assert.Contains("Uw wachtwoord is gewijzigd", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var other = await elsewhere.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account")).StatusCode);
        using var again = _web.NewClient();
        await again.SignInAsync(account with { Password = NewPassword });
        Assert.Contains("user.password-changed", await Activation.AuditActionsAsync(_web));
    }

    [Fact]
    public async Task ResettingTheAuthenticatorGivesANewKeyAndNewRecoveryCodesAndTheOldKeyStopsWorking()
    {
        var account = _web.Account(Role.MunicipalDpo, "23027");
        using var client = await _web.SignInAsync(Role.MunicipalDpo, "23027");
        var reset = await Activation.PostAsync(client, "/account", "Authenticator",
            new() { ["CurrentPassword"] = account.Password, ["Code"] = await Totp.FreshCodeAsync(account.TotpSecret) });
        var newKey = Activation.Key(reset);
        Assert.NotEqual(account.TotpSecret, newKey);
        var ticket = System.Text.RegularExpressions.Regex.Match(reset, "name=\"ResetTicket\" value=\"([^\"]+)\"").Groups[1].Value;

        var confirmed = await Activation.PostAsync(client, "/account", "ConfirmAuthenticator",
            new() { ["ResetTicket"] = WebUtility.HtmlDecode(ticket), ["Code"] = await Totp.FreshCodeAsync(newKey) });
        Assert.Equal(10, Activation.RecoveryCodes(confirmed).Length);

        using var withNewKey = _web.NewClient();
        await withNewKey.SignInAsync(account with { TotpSecret = newKey });
        Assert.Contains("user.authenticator-reset", await Activation.AuditActionsAsync(_web));
    }

    [Fact]
    public async Task NewRecoveryCodesAreNotGivenWithoutAFreshReset()
    {
        var account = _web.Account(Role.MunicipalDpo, "23088");
        using var client = await _web.SignInAsync(Role.MunicipalDpo, "23088");
        var html = await Activation.PostAsync(client, "/account", "ConfirmAuthenticator",
            new() { ["ResetTicket"] = "forged", ["Code"] = await Totp.FreshCodeAsync(account.TotpSecret) });
        Assert.Empty(Activation.RecoveryCodes(html));
    }

    [Fact]
    public async Task AUserWhoseGrantsLapsedStillReachesTheirAccountButNoWorkspace()
    {
        var account = _web.Account(Role.MunicipalCaseWorker, "23088");
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23088");
        await using (var db = _web.Database.Open())
        {
            await db.Grants.Where(g => g.User.Email == account.Email).ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, DateTime.UtcNow));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/start")).StatusCode);
        Assert.Contains("geen actieve toegang", await client.GetPageAsync("/account"), StringComparison.Ordinal);
    }
}
