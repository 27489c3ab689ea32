using System.Net;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Accounts;

public sealed class ActivationTests : IAsyncLifetime
{
    private const string GoodPassword = "drie kleine katten op het dak";
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task ActivationSetsAPasswordEnrolsTotpWithAServerQrAndShowsTenRecoveryCodesThenTheUserCanSignIn()
    {
        var link = await Activation.NewLinkAsync(_web, "nieuw@halle.be");
        using var client = _web.NewClient();
        Assert.Contains("nieuw@halle.be", await client.GetPageAsync(link), StringComparison.Ordinal);

        var step2 = await Activation.SetPasswordAsync(client, link, GoodPassword);
        Assert.Contains("<img src=\"data:image/svg+xml;base64,", WebUtility.HtmlDecode(step2), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", step2, StringComparison.OrdinalIgnoreCase);
        var key = Activation.Key(step2);
        var done = await Activation.PostAsync(client, link, "Authenticator", new() { ["Code"] = await Totp.FreshCodeAsync(key) });
        Assert.Contains("Uw account is geactiveerd", done, StringComparison.Ordinal);
        Assert.Equal(10, Activation.RecoveryCodes(done).Distinct().Count());

        using var signedIn = _web.NewClient();
        await signedIn.SignInAsync(new DemoAccount(Role.MunicipalCaseWorker, null, "nieuw@halle.be", GoodPassword, key));
        Assert.Contains("Nieuwe Collega", await signedIn.GetPageAsync("/account"), StringComparison.Ordinal);

        Assert.Contains("niet (meer) geldig", await client.GetPageAsync(link), StringComparison.Ordinal);
        await using var db = _web.Database.Open();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "user.activate");
        Assert.DoesNotContain("nieuw@halle.be", entry.Actor + entry.Detail + entry.Subjects, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWeakPasswordIsRefusedWithEveryReasonInDutchAndTheLinkStaysUsable()
    {
        var link = await Activation.NewLinkAsync(_web, "zwak@halle.be");
        using var client = _web.NewClient();
        var html = await Activation.PostAsync(client, link, "Password", new() { ["Password"] = "password", ["PasswordRepeat"] = "passwort" });
        Assert.Contains("minstens 12 tekens", html, StringComparison.Ordinal);
        Assert.Contains("veelgebruikte wachtwoorden", html, StringComparison.Ordinal);
        Assert.Contains("niet gelijk", html, StringComparison.Ordinal);
        Assert.DoesNotContain("totp-key", html, StringComparison.Ordinal);
        Assert.Contains("Stap 1 van 2", await client.GetPageAsync(link), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHalfFinishedActivationCannotSignInAndCanBeRestartedFromTheSameLink()
    {
        var link = await Activation.NewLinkAsync(_web, "half@halle.be");
        using var client = _web.NewClient();
        var firstKey = Activation.Key(await Activation.SetPasswordAsync(client, link, GoodPassword));
        var wrong = await Activation.PostAsync(client, link, "Authenticator", new() { ["Code"] = "000000" == Totp.Code(firstKey, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Contains("Deze code klopt niet", wrong, StringComparison.Ordinal);

        using (var early = _web.NewClient())
        {
            using var attempt = await early.PostFormAsync("/aanmelden", new Dictionary<string, string> { ["Email"] = "half@halle.be", ["Password"] = GoodPassword });
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
            Assert.Contains("Aanmelden mislukt", await attempt.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        const string secondPassword = "een heel ander wachtwoord nu";
        var secondKey = Activation.Key(await Activation.SetPasswordAsync(client, link, secondPassword));
        Assert.NotEqual(firstKey, secondKey);
        var done = await Activation.PostAsync(client, link, "Authenticator", new() { ["Code"] = await Totp.FreshCodeAsync(secondKey) });
        Assert.Contains("Uw account is geactiveerd", done, StringComparison.Ordinal);
        using var signedIn = _web.NewClient();
        await signedIn.SignInAsync(new DemoAccount(Role.MunicipalCaseWorker, null, "half@halle.be", secondPassword, secondKey));
    }

    [Fact]
    public async Task AnExpiredOrUnknownLinkShowsAClearDutchMessageAndSetsNothing()
    {
        var link = await Activation.NewLinkAsync(_web, "laat@halle.be");
        await using (var db = _web.Database.Open())
        {
            await db.ActivationTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        using var client = _web.NewClient();
        Assert.Contains("vervallen (na 24 uur)", await client.GetPageAsync(link), StringComparison.Ordinal);
        Assert.Contains("niet (meer) geldig", await client.GetPageAsync("/activeren/onbekend"), StringComparison.Ordinal);
        var posted = await Activation.SetPasswordAsync(client, link, GoodPassword);
        Assert.Contains("niet (meer) geldig", posted, StringComparison.Ordinal);
        await using var check = _web.Database.Open();
        Assert.Null(await check.Users.Where(u => u.Email == "laat@halle.be").Select(u => u.PasswordHash).SingleAsync());
    }
}
