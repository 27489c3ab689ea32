using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Pnx.Access;
using Pnx.Data;

namespace Pnx.Sessions;

/// <summary>
/// After a credential changes, every session of the user ends (a thief's copy of a cookie too), and the
/// person who just re-authenticated with password and code gets one new session.
/// </summary>
public static class SessionRenewal
{
    public static async Task RenewAsync(SignInManager<PnxUser> signIn, PnxDb db, TimeProvider time, PnxUser user, CancellationToken ct)
    {
        await DatabaseTicketStore.EndAllAsync(db, user.Id, time.GetUtcNow().UtcDateTime, ct);
        // The same claims a sign-in with the second factor gives.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
    }
}
