using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Pnx.Access.SecondFactor;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using static Pnx.Hosting.UiText;
using IdentitySignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Pnx.Access.SignIn;

/// <summary>
/// Step 2 of 2: the TOTP code or a recovery code, each accepted once. Only now is a session created.
/// A wrong, reused or locked-out attempt gets one text; failures count toward lockout.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInCodeModel(SignInManager<PnxUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The authenticator code; a recovery code typed here is accepted too.</summary>
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Access/SignIn/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Access/SignIn/SignIn");

        var totp = string.IsNullOrWhiteSpace(RecoveryCode) ? CodeInput.Totp(Code) : null;
        var recovery = totp is null ? CodeInput.RecoveryCode(string.IsNullOrWhiteSpace(RecoveryCode) ? Code : RecoveryCode) : null;
        var result = totp is not null ? await signIn.TwoFactorAuthenticatorSignInAsync(totp, isPersistent: false, rememberClient: false)
            : await signIn.UserManager.IsLockedOutAsync(user) ? IdentitySignInResult.LockedOut
            : await RecoverySignInAsync(user, recovery);
        if (result.Succeeded)
        {
            await audit.RecordAsync(new AuditRecord("user:" + user.Id, "sign-in", null, [], AuditPurposes.Supervision, totp is null ? "recovery code" : null), ct);
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }

        await audit.RecordAsync(new AuditRecord("user:" + user.Id, "sign-in.failed", null, [], AuditPurposes.Supervision,
            result.IsLockedOut ? "locked out" : totp is null ? "wrong or used recovery code" : "wrong or reused code"), ct);
        Error = T("Deze code klopt niet of werd al gebruikt. Wacht op de volgende code in uw app en probeer opnieuw. Na vijf mislukte pogingen blijft een account 15 minuten vergrendeld.");
        return Page();
    }

    // Identity neither checks lockout nor counts failures for recovery codes; here they count like a wrong code.
    private async Task<IdentitySignInResult> RecoverySignInAsync(PnxUser user, string? recovery)
    {
        var result = recovery is null ? IdentitySignInResult.Failed : await signIn.TwoFactorRecoveryCodeSignInAsync(recovery);
        if (!result.Succeeded) await signIn.UserManager.AccessFailedAsync(user);
        return result;
    }
}
