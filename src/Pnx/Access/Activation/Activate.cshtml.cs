using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Pnx.Data;
using Pnx.Hosting;
using static Pnx.Hosting.UiText;

namespace Pnx.Access.Activation;

/// <summary>
/// /activeren/{token}: the link from `pnx user add`. The token stays in the route and both steps are
/// POSTs to it, so no activation state lives in the browser; GET always starts at step 1.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ActivateModel(UserManager<PnxUser> users, PnxDb db, TimeProvider time) : PageModel
{
    public enum ActivationStep { LinkInvalid, Password, Authenticator, Done }

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordRepeat { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public ActivationStep Step { get; private set; }

    public string Email { get; private set; } = "";

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public AuthenticatorSetup? Setup { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await AccountActivation.FindAsync(db, users, time, Token, ct);
        Step = user is null ? ActivationStep.LinkInvalid : ActivationStep.Password;
        Email = user?.Email ?? "";
    }

    public async Task OnPostPasswordAsync(CancellationToken ct)
    {
        var user = await AccountActivation.FindAsync(db, users, time, Token, ct);
        if (user is null)
        {
            Step = ActivationStep.LinkInvalid;
            return;
        }

        Email = user.Email ?? "";
        Problems = await PasswordRules.ProblemsAsync(users, user, Password, PasswordRepeat);
        if (Problems.Count > 0)
        {
            Step = ActivationStep.Password;
            return;
        }

        await AccountActivation.SetPasswordAsync(db, users, user, Password!, ct);
        await ShowAuthenticatorAsync(user);
    }

    public async Task OnPostAuthenticatorAsync(CancellationToken ct)
    {
        var user = await AccountActivation.FindAsync(db, users, time, Token, ct);
        if (user is null)
        {
            Step = ActivationStep.LinkInvalid;
            return;
        }

        Email = user.Email ?? "";
        var (outcome, codes) = await AccountActivation.CompleteAsync(db, users, time, user, Token, Code, ct);
        switch (outcome)
        {
            case AccountActivation.Outcome.Done:
                Step = ActivationStep.Done;
                RecoveryCodes = codes;
                break;
            case AccountActivation.Outcome.WrongCode:
                Problems = [T("Deze code klopt niet. Controleer of de app de sleutel hierboven gebruikt en geef de code die nu getoond wordt.")];
                await ShowAuthenticatorAsync(user);
                break;
            default:
                Step = ActivationStep.LinkInvalid;
                break;
        }
    }

    private async Task ShowAuthenticatorAsync(PnxUser user)
    {
        Step = ActivationStep.Authenticator;
        Setup = await AuthenticatorSetup.CurrentAsync(users, user);
    }
}
