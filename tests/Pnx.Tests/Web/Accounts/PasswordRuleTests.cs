using Pnx.Access;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Accounts;

/// <summary>Issue 6 (NIST SP 800-63B): length, no personal data, not a common password; the same rules on every path that sets one.</summary>
public sealed class PasswordRuleTests : IAsyncLifetime
{
    private const string Email = "jan.peeters@halle.be";
    private const string Name = "Zoë Van den Broucke";
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Theory]
    [InlineData("kort wachtw", "Het wachtwoord moet minstens 12 tekens lang zijn.")]
    [InlineData("JAN.PEETERS in de zomer", "Het wachtwoord mag uw e-mailadres niet bevatten, ook niet het deel voor de @.")]
    [InlineData("mijn adres jan.peeters@halle.be", "Het wachtwoord mag uw e-mailadres niet bevatten, ook niet het deel voor de @.")]
    [InlineData("zoe houdt van de zee", "Het wachtwoord mag uw naam niet bevatten.")]
    [InlineData("familie BROUCKE voor altijd", "Het wachtwoord mag uw naam niet bevatten.")]
    [InlineData("Wachtwoord123", "Dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden. Kies een ander.")]
    public async Task ActivationRefusesAPasswordThatBreaksARuleWithItsDutchReason(string password, string reason)
    {
        var link = await Activation.NewLinkAsync(_web, Email, Name);
        using var client = _web.NewClient();
        var html = await Activation.SetPasswordAsync(client, link, password);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(reason), html, StringComparison.Ordinal);
        Assert.DoesNotContain("totp-key", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivationAcceptsALongPasswordWithoutPersonalDataEvenWithANameParticleInIt()
    {
        var link = await Activation.NewLinkAsync(_web, Email, Name);
        using var client = _web.NewClient();
        var html = await Activation.SetPasswordAsync(client, link, "een boot van den haag naar gent");
        Assert.Contains("totp-key", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingThePasswordAppliesTheSameRules()
    {
        var account = _web.Account(Role.MunicipalCaseWorker, "23027");
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        var localPart = account.Email.Split('@')[0];
        var html = await Activation.PostAsync(client, "/account", "Password", new()
        {
            ["CurrentPassword"] = account.Password, ["Code"] = await Totp.FreshCodeAsync(account.TotpSecret),
            ["NewPassword"] = "altijd " + localPart, ["NewPasswordRepeat"] = "altijd " + localPart,
        });
        Assert.Contains("Het wachtwoord mag uw e-mailadres niet bevatten", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Uw wachtwoord is gewijzigd", html, StringComparison.Ordinal);
    }
}
