using HttpStatusCode = System.Net.HttpStatusCode;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Hosting;
using Pnx.Tests.Infrastructure;
using Pnx.Tests.Web.Accounts;

namespace Pnx.Tests.Web.SignIn;

/// <summary>Issue 6: an authenticator code and a recovery code each work once per account, whatever the session.</summary>
public sealed class OneTimeCodeTests : IAsyncLifetime
{
    private const string Refused = "Deze code klopt niet of werd al gebruikt";
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync(limits: new WebLimits(SignInsPerMinute: 1000));

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task ATotpCodeThatSignedInOneSessionIsRefusedInAnotherSession()
    {
        var account = _web.Account(Role.MunicipalCaseWorker, "23027");
        var code = await Totp.FreshCodeAsync(account.TotpSecret);
        using var first = await SignInSteps.AtCodeStepAsync(_web, account);
        using var second = await SignInSteps.AtCodeStepAsync(_web, account);

        var signedIn = await SignInSteps.PostCodeAsync(first, code);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        var replayed = await SignInSteps.PostCodeAsync(second, code);
        Assert.Equal(HttpStatusCode.OK, replayed.Status);
        Assert.Contains(Refused, replayed.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/start")).StatusCode);
    }

    [Fact]
    public async Task TwoSessionsRacingWithTheSameCodeCannotBothSignIn()
    {
        var account = _web.Account(Role.MunicipalOfferManager, "23027");
        var code = await Totp.FreshCodeAsync(account.TotpSecret);
        using var first = await SignInSteps.AtCodeStepAsync(_web, account);
        using var second = await SignInSteps.AtCodeStepAsync(_web, account);

        var answers = await Task.WhenAll(SignInSteps.PostCodeAsync(first, code), SignInSteps.PostCodeAsync(second, code));
        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK && a.Html.Contains(Refused, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplayingAUsedTotpCodeCountsTowardLockout()
    {
        var account = _web.Account(Role.MunicipalDpo, "23027");
        var code = await Totp.FreshCodeAsync(account.TotpSecret);
        using (var first = await SignInSteps.AtCodeStepAsync(_web, account))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SignInSteps.PostCodeAsync(first, code)).Status);
        }

        using var second = await SignInSteps.AtCodeStepAsync(_web, account);
        Assert.Contains(Refused, (await SignInSteps.PostCodeAsync(second, code)).Html, StringComparison.Ordinal);
        Assert.Equal(1, await FailedCountAsync(account.Email));
        for (var i = 1; i < AccessServices.MaxFailedSignIns; i++) await SignInSteps.PostCodeAsync(second, code);

        var fresh = await SignInSteps.PostCodeAsync(second, await Totp.FreshCodeAsync(account.TotpSecret));
        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Contains(Refused, fresh.Html, StringComparison.Ordinal);
        await using var db = _web.Database.Open();
        var lockoutEnd = await db.Users.Where(u => u.Email == account.Email).Select(u => u.LockoutEnd).SingleAsync();
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow, "five replays should lock the account");
    }

    [Fact]
    public async Task ACodeUsedToSignInIsRefusedForReauthenticationOnTheAccountPage()
    {
        var account = _web.Account(Role.MunicipalCaseWorker, "23088");
        var code = await Totp.FreshCodeAsync(account.TotpSecret);
        using var client = await SignInSteps.AtCodeStepAsync(_web, account);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInSteps.PostCodeAsync(client, code)).Status);

        var html = await Activation.PostAsync(client, "/account", "Authenticator", new() { ["CurrentPassword"] = account.Password, ["Code"] = code });
        Assert.Contains("Uw huidige wachtwoord of de code klopt niet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("totp-key", html, StringComparison.Ordinal);
        Assert.Equal(1, await FailedCountAsync(account.Email));
    }

    [Fact]
    public async Task ARecoveryCodeWorksAsPrintedWithItsDashAndOnlyOnce()
    {
        const string password = "drie kleine katten op het dak";
        var link = await Activation.NewLinkAsync(_web, "herstel@halle.be");
        using var activation = _web.NewClient();
        var key = Activation.Key(await Activation.SetPasswordAsync(activation, link, password));
        var codes = Activation.RecoveryCodes(await Activation.PostAsync(activation, link, "Authenticator", new() { ["Code"] = await Totp.FreshCodeAsync(key) }));
        Assert.Equal(10, codes.Length);
        Assert.All(codes, c => Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", c));
        var account = new DemoAccount(Role.MunicipalCaseWorker, null, "herstel@halle.be", password, key);

        using (var printed = await SignInSteps.AtCodeStepAsync(_web, account))
        {
            var answer = await SignInSteps.PostCodeAsync(printed, codes[0], "RecoveryCode");
            Assert.Equal(HttpStatusCode.Redirect, answer.Status);
            Assert.Equal("/start", answer.Location);
        }

        using (var again = await SignInSteps.AtCodeStepAsync(_web, account))
        {
            var answer = await SignInSteps.PostCodeAsync(again, codes[0], "RecoveryCode");
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Contains(Refused, answer.Html, StringComparison.Ordinal);
        }

        // Typed into the ordinary code field, in lower case and without the dash: still the printed code.
        using var typed = await SignInSteps.AtCodeStepAsync(_web, account);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInSteps.PostCodeAsync(typed, codes[1].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant())).Status);
    }

    private async Task<int> FailedCountAsync(string email)
    {
        await using var db = _web.Database.Open();
        return await db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync();
    }
}
