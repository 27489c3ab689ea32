using System.Globalization;
using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Data;

namespace Pnx.Access;

/// <summary>
/// Accounts are made by the agency only. <paramref name="db"/> must be the context behind
/// <paramref name="users"/> (one DI scope), so that the account, its token and the audit entry commit together.
/// </summary>
public static class UserAccounts
{
    public sealed record Added(AccessOutcome Outcome, string? UserId = null, string? ActivationLink = null);

    public static bool IsValidEmail(string email) =>
        email.Length <= 254 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && string.IsNullOrEmpty(parsed.DisplayName)
        && parsed.Host.Contains('.', StringComparison.Ordinal);

    public static async Task<Added> AddAsync(
        PnxDb db, UserManager<PnxUser> users, TimeProvider time, string email, string displayName, string baseUrl, string actor, CancellationToken ct = default)
    {
        email = email.Trim();
        displayName = displayName.Trim();
        if (!IsValidEmail(email)) return new(AccessOutcome.Rejected($"--email: \"{email}\" is not an e-mail address"));
        if (displayName.Length is 0 or > 100) return new(AccessOutcome.Rejected("--name: give a name of 1 to 100 characters"));
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return new(AccessOutcome.Rejected($"--base-url: \"{baseUrl}\" is not an http(s) URL"));
        }

        var utcNow = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await users.FindByEmailAsync(email) is not null) return new(AccessOutcome.Refused("refused: an account with this e-mail address exists"));
        var user = new PnxUser { UserName = email, Email = email, DisplayName = displayName, CreatedAt = utcNow };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            var duplicate = created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName");
            var message = string.Join("; ", created.Errors.Select(e => e.Description));
            return new(duplicate ? AccessOutcome.Refused("refused: " + message) : AccessOutcome.Rejected(message));
        }

        var token = ActivationTokens.Issue(db, user.Id, utcNow);
        await db.SaveChangesAsync(ct);
        await AuditTrail.AppendAsync(db, time, new AuditRecord(actor, "user.add", null, [], AuditPurposes.Supervision, "user " + user.Id), ct);
        await transaction.CommitAsync(ct);
        return new(AccessOutcome.Done("account created"), user.Id, ActivationTokens.Link(baseUrl, token));
    }

    /// <summary>
    /// Activation: uses the link's token once and sets the password (which must pass the policy).
    /// Enrolling the authenticator is the next step of the same page.
    /// </summary>
    public static async Task<AccessOutcome> ActivateAsync(PnxDb db, UserManager<PnxUser> users, TimeProvider time, string token, string password, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var userId = await ActivationTokens.ConsumeAsync(db, token, time.GetUtcNow(), ct);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null) return AccessOutcome.Refused("this activation link is unknown, used or expired");
        var validation = await ValidatePasswordAsync(users, user, password);
        if (!validation.Succeeded) return AccessOutcome.Rejected(string.Join("; ", validation.Errors.Select(e => e.Description)));

        user.EmailConfirmed = true;
        var result = await users.HasPasswordAsync(user) ? IdentityResult.Success : await users.AddPasswordAsync(user, password);
        if (!result.Succeeded) return AccessOutcome.Rejected(string.Join("; ", result.Errors.Select(e => e.Description)));
        await AuditTrail.AppendAsync(db, time, new AuditRecord("user:" + user.Id, "user.activate", null, [], AuditPurposes.Supervision, "user " + user.Id), ct);
        await transaction.CommitAsync(ct);
        return AccessOutcome.Done("account activated");
    }

    public static async Task<IdentityResult> ValidatePasswordAsync(UserManager<PnxUser> users, PnxUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded) return result;
        }

        return IdentityResult.Success;
    }

    /// <summary>Disables an account: no active grants from now on, and a new security stamp so existing sessions die.</summary>
    public static async Task<AccessOutcome> DisableAsync(PnxDb db, UserManager<PnxUser> users, TimeProvider time, string userId, string byId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await GrantRules.CheckActorAsync(db, byId, now, ct) is { } notAdmin) return notAdmin;
        if (userId == byId) return AccessOutcome.Refused("refused: an administrator does not disable their own account");
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AccessOutcome.Rejected("unknown user");
        if (user.DisabledAt is not null) return AccessOutcome.Refused("refused: the account is already disabled");

        user.DisabledAt = now.UtcDateTime;
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded) throw new InvalidOperationException("Could not renew the security stamp: " + string.Join("; ", stamped.Errors.Select(e => e.Code)));
        await Sessions.DatabaseTicketStore.EndAllAsync(db, user.Id, now.UtcDateTime, ct);
        await AuditTrail.AppendAsync(db, time, new AuditRecord(GrantRules.Actor(byId), "user.disable", null, [], AuditPurposes.Supervision, "user " + user.Id), ct);
        await transaction.CommitAsync(ct);
        return AccessOutcome.Done(string.Create(CultureInfo.InvariantCulture, $"account disabled; its grants no longer give access"));
    }

    public static Task<string?> IdByEmailAsync(PnxDb db, string email, CancellationToken ct = default)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleOrDefaultAsync(ct);
    }
}
