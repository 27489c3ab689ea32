using Microsoft.AspNetCore.Identity;
using Pnx.Access.SecondFactor;
using Pnx.Audit;
using Pnx.Data;

namespace Pnx.Access.Activation;

/// <summary>
/// Activation in two steps behind one link: (1) set a password, (2) enrol the authenticator and confirm
/// it with a code. The link's token is used up only when step 2 succeeds, so a half-finished activation
/// can be restarted from step 1 while the link is valid (24 hours). Until then the account cannot sign
/// in: its e-mail is not confirmed and it has no second factor.
/// </summary>
public static class AccountActivation
{
    public enum Outcome { Done, WrongCode, LinkInvalid }

    /// <summary>The account a still-valid link activates, or null (unknown, used, expired, disabled or already active).</summary>
    public static async Task<PnxUser?> FindAsync(PnxDb db, UserManager<PnxUser> users, TimeProvider time, string token, CancellationToken ct)
    {
        if (token.Length is 0 or > 100) return null;
        var userId = await ActivationTokens.FindUserAsync(db, token, time.GetUtcNow(), ct);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        return user is null || user.DisabledAt is not null || user.TwoFactorEnabled ? null : user;
    }

    /// <summary>Step 1: sets the password (replacing one of an earlier, unfinished attempt) and issues a fresh authenticator key.</summary>
    public static async Task SetPasswordAsync(PnxDb db, UserManager<PnxUser> users, PnxUser user, string password, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        await OneTimeCodes.ResetKeyAsync(db, users, user, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Step 2: checks the code, then uses up the link and switches the account on, in one transaction.</summary>
    public static async Task<(Outcome Outcome, IReadOnlyList<string> RecoveryCodes)> CompleteAsync(
        PnxDb db, UserManager<PnxUser> users, TimeProvider time, PnxUser user, string token, string? code, CancellationToken ct)
    {
        if (!await users.HasPasswordAsync(user)) return (Outcome.LinkInvalid, []);
        if (!await AuthenticatorSetup.VerifyCodeAsync(users, user, code)) return (Outcome.WrongCode, []);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await ActivationTokens.ConsumeAsync(db, token, time.GetUtcNow(), ct) != user.Id) return (Outcome.LinkInvalid, []);
        user.EmailConfirmed = true;
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await AuditTrail.AppendAsync(db, time, new AuditRecord("user:" + user.Id, "user.activate", null, [], AuditPurposes.Supervision, "user " + user.Id), ct);
        await transaction.CommitAsync(ct);
        return (Outcome.Done, codes);
    }

    // These calls fail only on a bug or a concurrent change; the codes name no personal value.
    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException("Activation step failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
