using Microsoft.AspNetCore.Authentication;
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

/// <summary>Step 1 of 2: password. Every account has MFA, so success always leads to the code step.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInManager<PnxUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var user = string.IsNullOrWhiteSpace(Email) ? null : await signIn.UserManager.FindByEmailAsync(Email.Trim());
        if (user is null || user.DisabledAt is not null || string.IsNullOrEmpty(Password))
        {
            await audit.RecordAsync(new AuditRecord("anonymous", "sign-in.failed", null, [], AuditPurposes.Supervision, "unknown or disabled account"), ct);
            Error = T("Aanmelden mislukt. Controleer uw e-mailadres en wachtwoord.");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Access/SignIn/SignInCode", new { ReturnUrl = SafeReturnUrl(ReturnUrl) });
        }

        var reason = result.IsLockedOut ? "locked out" : result.Succeeded ? "no second factor enrolled" : "wrong password";
        if (result.Succeeded)
        {
            // An account without a second factor never gets a session (MFA is mandatory for everyone).
            await signIn.SignOutAsync();
        }

        await audit.RecordAsync(new AuditRecord("user:" + user.Id, "sign-in.failed", null, [], AuditPurposes.Supervision, reason), ct);
        Error = result.IsLockedOut
            ? T("Dit account is tijdelijk vergrendeld na te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.")
            : T("Aanmelden mislukt. Controleer uw e-mailadres en wachtwoord.");
        return Page();
    }

    /// <summary>Only local paths: never an open redirect.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 } && returnUrl[0] == '/' && returnUrl[1] is not '/' and not '\\' ? returnUrl : "/start";
}
