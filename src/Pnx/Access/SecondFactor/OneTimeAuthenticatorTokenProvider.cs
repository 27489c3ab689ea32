using Microsoft.AspNetCore.Identity;
using Pnx.Data;

namespace Pnx.Access.SecondFactor;

/// <summary>
/// Identity's authenticator provider with one change: a code (its time step) is accepted once per account
/// (<see cref="OneTimeCodes"/>). It is registered under Identity's authenticator provider name, so sign-in,
/// re-authentication on the account page and activation all go through it; a refused replay is a failed
/// code like any other and counts toward lockout where the caller counts failures.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(PnxDb db, TimeProvider time) : AuthenticatorTokenProvider<PnxUser>
{
    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<PnxUser> manager, PnxUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var step = string.IsNullOrEmpty(key) ? null : TotpSteps.Match(key, token, time.GetUtcNow());
        return step is { } accepted && await OneTimeCodes.TryUseAsync(db, user.Id, accepted);
    }
}
