using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Pnx.Access.Activation;
using Pnx.Access.SecondFactor;
using Pnx.Access.Web;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Sessions;
using static Pnx.Hosting.UiText;

namespace Pnx.Access.Account;

/// <summary>
/// /account: the signed-in person's own account. Reachable without a grant (policy Authenticated), so
/// someone whose grants lapsed can still change a password or replace a lost authenticator.
/// </summary>
[Authorize(Policy = WorkspacePolicies.Authenticated)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed class AccountModel(SignInManager<PnxUser> signIn, PnxDb db, TimeProvider time, IDataProtectionProvider protection, AuditLog audit) : PageModel
{
    private static readonly TimeSpan ResetWindow = TimeSpan.FromMinutes(10);

    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? NewPasswordRepeat { get; set; }
    [BindProperty] public string? ResetTicket { get; set; }

    public PnxUser Me { get; private set; } = null!;
    public IReadOnlyList<AccountGrants.Row> Grants { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public string? Message { get; private set; }
    public AuthenticatorSetup? Setup { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    private UserManager<PnxUser> Users => signIn.UserManager;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Challenge();

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        if (!await Reauthentication.CheckAsync(Users, Me, CurrentPassword, Code)) return Refused();
        Problems = await PasswordRules.ProblemsAsync(Users, Me, NewPassword, NewPasswordRepeat);
        if (Problems.Count > 0) return Page();

        var changed = await Users.ChangePasswordAsync(Me, CurrentPassword!, NewPassword!);
        if (!changed.Succeeded) throw new InvalidOperationException("Password change failed: " + string.Join("; ", changed.Errors.Select(e => e.Code)));
        await audit.RecordAsync(new AuditRecord("user:" + Me.Id, "user.password-changed", null, [], AuditPurposes.Supervision, "user " + Me.Id), ct);
        await SessionRenewal.RenewAsync(HttpContext, signIn, db, time, Me, ct);
        Message = T("Uw wachtwoord is gewijzigd. Al uw andere sessies zijn beëindigd.");
        return Page();
    }

    public async Task<IActionResult> OnPostAuthenticatorAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        if (!await Reauthentication.CheckAsync(Users, Me, CurrentPassword, Code)) return Refused();

        await OneTimeCodes.ResetKeyAsync(db, Users, Me, ct);
        await audit.RecordAsync(new AuditRecord("user:" + Me.Id, "user.authenticator-reset", null, [], AuditPurposes.Supervision, "user " + Me.Id), ct);
        await SessionRenewal.RenewAsync(HttpContext, signIn, db, time, Me, ct);
        ResetTicket = Protector().Protect(Me.Id + "|" + Me.SecurityStamp, ResetWindow);
        Setup = await AuthenticatorSetup.CurrentAsync(Users, Me);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAuthenticatorAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        // Only right after a reset by this user, with nothing changed since: new recovery codes need both factors first.
        if (!ResetTicketIsValid()) return Refused();
        if (!await AuthenticatorSetup.VerifyCodeAsync(Users, Me, Code))
        {
            Problems = [T("Deze code klopt niet. Controleer of de app de nieuwe sleutel gebruikt en geef de code die nu getoond wordt.")];
            Setup = await AuthenticatorSetup.CurrentAsync(Users, Me);
            return Page();
        }

        RecoveryCodes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(Me, 10))?.ToList() ?? [];
        ResetTicket = null;
        Message = T("Uw nieuwe authenticator-app is gekoppeld. Uw oude herstelcodes werken niet meer.");
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var user = await Users.GetUserAsync(User);
        if (user is null) return false;
        Me = user;
        Grants = await AccountGrants.ActiveAsync(db, user.Id, time.GetUtcNow(), ct);
        return true;
    }

    private PageResult Refused()
    {
        Problems = [T("Uw huidige wachtwoord of de code klopt niet. Na te veel pogingen wordt uw account tijdelijk vergrendeld.")];
        return Page();
    }

    private bool ResetTicketIsValid()
    {
        try
        {
            return ResetTicket is { Length: > 0 } && Protector().Unprotect(ResetTicket) == Me.Id + "|" + Me.SecurityStamp;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    private ITimeLimitedDataProtector Protector() => protection.CreateProtector("pnx.account.authenticator-reset").ToTimeLimitedDataProtector();
}
