using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Access.SecondFactor;

/// <summary>
/// A TOTP code works once per account, whatever the session: its time step must be newer than the last
/// accepted one, and taking it is one conditional UPDATE, so two sessions racing with the same code
/// cannot both win (the database serialises the writes; the loser's WHERE no longer matches).
/// </summary>
public static class OneTimeCodes
{
    public static async Task<bool> TryUseAsync(PnxDb db, string userId, long step, CancellationToken ct = default) =>
        await db.Users
            .Where(u => u.Id == userId && u.TotpLastStep < step)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TotpLastStep, step), ct) == 1;

    /// <summary>A new authenticator key. Its codes were never used, so the old key's steps no longer count.</summary>
    public static async Task ResetKeyAsync(PnxDb db, UserManager<PnxUser> users, PnxUser user, CancellationToken ct = default)
    {
        var reset = await users.ResetAuthenticatorKeyAsync(user);
        if (!reset.Succeeded) throw new InvalidOperationException("Authenticator reset failed: " + string.Join("; ", reset.Errors.Select(e => e.Code)));
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TotpLastStep, 0L), ct);
    }
}
