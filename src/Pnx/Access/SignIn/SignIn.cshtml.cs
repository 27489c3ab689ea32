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

/// <summary>
/// Step 1 of 2: password. Every account has MFA, so success always leads to the code step. A refusal tells
/// the person nothing about the account: one text, and one password hash computed whether the account is
/// unknown, disabled, not activated, locked or just given the wrong password (<see cref="DecoyPasswordCheck"/>).
/// Only the audit trail holds the true reason, with ids.
/// </summary>
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

    private UserManager<PnxUser> Users => signIn.UserManager;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var user = string.IsNullOrWhiteSpace(Email) ? null : await Users.FindByEmailAsync(Email.Trim());
        var refusal = user is null ? "unknown account" : await RefusalBeforePasswordAsync(user);
        if (refusal is not null || user is null || string.IsNullOrEmpty(Password))
        {
            DecoyPasswordCheck.Run(Users.PasswordHasher, Password ?? "");
            return await RefusedAsync(user, refusal ?? "no password", ct);
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Access/SignIn/SignInCode", new { ReturnUrl = SafeReturnUrl(ReturnUrl) });
        }

        // An account without a second factor never gets a session (MFA is mandatory for everyone).
        if (result.Succeeded) await signIn.SignOutAsync();
        var reason = result.IsLockedOut ? "locked out" : result.Succeeded ? "no second factor enrolled" : result.IsNotAllowed ? "not allowed" : "wrong password";
        return await RefusedAsync(user, reason, ct);
    }

    /// <summary>Only local paths of printable ASCII: never an open redirect, never a header that cannot be sent.</summary>
    public static string SafeReturnUrl(string? returnUrl) => LocalReturnUrl.Or(returnUrl, "/start");

    /// <summary>Why this account may not sign in whatever the password; then Identity would skip the hash, so the caller computes one.</summary>
    private async Task<string?> RefusalBeforePasswordAsync(PnxUser user) =>
        user.DisabledAt is not null ? "disabled account"
        : !user.EmailConfirmed || user.PasswordHash is null ? "not activated"
        : !user.TwoFactorEnabled ? "no second factor enrolled"
        : await Users.IsLockedOutAsync(user) ? "locked out"
        : null;

    private async Task<PageResult> RefusedAsync(PnxUser? user, string reason, CancellationToken ct)
    {
        await audit.RecordAsync(new AuditRecord(user is null ? "anonymous" : "user:" + user.Id, "sign-in.failed", null, [], AuditPurposes.Supervision, reason), ct);
        Error = T("Aanmelden mislukt. Controleer uw e-mailadres en wachtwoord. Na vijf mislukte pogingen blijft een account 15 minuten vergrendeld.");
        return Page();
    }
}
