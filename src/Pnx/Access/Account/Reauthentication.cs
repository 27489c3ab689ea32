using Microsoft.AspNetCore.Identity;
using Pnx.Access.Activation;

namespace Pnx.Access.Account;

/// <summary>
/// Changing a credential needs both factors again, in the same form: the current password and a code
/// from the app (or a recovery code, for someone who lost their phone). Failures count toward lockout.
/// </summary>
public static class Reauthentication
{
    public static async Task<bool> CheckAsync(UserManager<PnxUser> users, PnxUser user, string? password, string? code)
    {
        if (await users.IsLockedOutAsync(user)) return false;
        var ok = !string.IsNullOrEmpty(password) && await users.CheckPasswordAsync(user, password);
        if (ok)
        {
            var normalized = AuthenticatorSetup.Normalize(code);
            ok = normalized.Length == 6
                ? await AuthenticatorSetup.VerifyCodeAsync(users, user, normalized)
                : normalized.Length > 0 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, normalized)).Succeeded;
        }

        if (!ok) await users.AccessFailedAsync(user);
        else await users.ResetAccessFailedCountAsync(user);
        return ok;
    }
}
