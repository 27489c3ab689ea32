using Microsoft.AspNetCore.Identity;
using Pnx.Access.Activation;
using Pnx.Access.SecondFactor;

namespace Pnx.Access.Account;

/// <summary>
/// Changing a credential needs both factors again, in the same form: the current password and a code
/// from the app (or a recovery code, for someone who lost their phone). Each code works once, here as at
/// sign-in (a code used to sign in is refused here too); failures, replays included, count toward lockout.
/// </summary>
public static class Reauthentication
{
    public static async Task<bool> CheckAsync(UserManager<PnxUser> users, PnxUser user, string? password, string? code)
    {
        if (await users.IsLockedOutAsync(user)) return false;
        var ok = !string.IsNullOrEmpty(password) && await users.CheckPasswordAsync(user, password);
        if (ok)
        {
            ok = CodeInput.Totp(code) is not null
                ? await AuthenticatorSetup.VerifyCodeAsync(users, user, code)
                : CodeInput.RecoveryCode(code) is { } recovery && (await users.RedeemTwoFactorRecoveryCodeAsync(user, recovery)).Succeeded;
        }

        if (!ok) await users.AccessFailedAsync(user);
        else await users.ResetAccessFailedCountAsync(user);
        return ok;
    }
}
