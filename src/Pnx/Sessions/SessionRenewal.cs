using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Pnx.Access;
using Pnx.Data;

namespace Pnx.Sessions;

/// <summary>
/// After a credential changes, every other session of the user ends (a thief's copy of a cookie too),
/// and the current one, which just re-authenticated with password and code, gets a fresh ticket with
/// the new security stamp. (The cookie handler renews the current session id rather than making a new one.)
/// </summary>
public static class SessionRenewal
{
    public static async Task RenewAsync(HttpContext http, SignInManager<PnxUser> signIn, PnxDb db, TimeProvider time, PnxUser user, CancellationToken ct)
    {
        var current = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        string? keep = null;
        current.Properties?.Items.TryGetValue(DatabaseTicketStore.SessionIdItem, out keep);
        await DatabaseTicketStore.EndAllButAsync(db, user.Id, keep, time.GetUtcNow().UtcDateTime, ct);
        // The same claims a sign-in with the second factor gives.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
    }
}
