using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using static Pnx.Hosting.UiText;

namespace Pnx.Access.SignIn;

/// <summary>Step 2 of 2: the TOTP code (or a recovery code). Only now is a session created.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInCodeModel(SignInManager<PnxUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Access/SignIn/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Access/SignIn/SignIn");

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await audit.RecordAsync(new AuditRecord("user:" + user.Id, "sign-in", null, [], AuditPurposes.Supervision), ct);
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }

        await audit.RecordAsync(new AuditRecord("user:" + user.Id, "sign-in.failed", null, [], AuditPurposes.Supervision,
            result.IsLockedOut ? "locked out" : "wrong second factor"), ct);
        Error = result.IsLockedOut
            ? T("Dit account is tijdelijk vergrendeld na te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.")
            : T("Deze code klopt niet. Probeer opnieuw met de code die nu in uw app staat.");
        return Page();
    }
}
