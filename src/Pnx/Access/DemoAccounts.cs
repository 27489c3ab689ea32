using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pnx.Access.SecondFactor;
using Pnx.Audit;
using Pnx.Data;

namespace Pnx.Access;

/// <summary>
/// The demo accounts of <c>pnx serve --demo</c> (issue 3, item 8): one per agency role (two access
/// administrators, so that four eyes can work) and one per municipal role in Halle and Vilvoorde,
/// each with an active, four-eyes-approved grant. Every call sets a new password and a new TOTP
/// secret for every demo account, so nothing fixed ships and nothing is stored in plain text.
/// </summary>
public static class DemoAccounts
{
    public const string Actor = "demo";

    private sealed record Spec(string Email, string Name, Role Role, string? Nis, string? Profile);

    private static readonly (string Nis, string Slug)[] Municipalities = [("23027", "halle"), ("23088", "vilvoorde")];

    private static readonly (Role Role, string Prefix, string Profile)[] MunicipalRoles =
    [
        (Role.MunicipalCaseWorker, "toeleider", "Integratieambtenaar"),
        (Role.MunicipalOfferManager, "aanbod", "Coördinator vrijetijdsaanbod"),
        (Role.MunicipalDpo, "dpo", "Functionaris gegevensbescherming"),
    ];

    private static readonly Spec[] Specs =
    [
        new("toegangsbeheer1@demo.invalid", "Demo toegangsbeheerder 1", Role.AgencyAccessAdministrator, null, null),
        new("toegangsbeheer2@demo.invalid", "Demo toegangsbeheerder 2", Role.AgencyAccessAdministrator, null, null),
        new("datasteward@demo.invalid", "Demo data steward", Role.AgencyDataSteward, null, null),
        new("trajectbegeleider@demo.invalid", "Demo trajectbegeleider", Role.AgencyTrajectoryCounsellor, null, null),
        new("dpo.agentschap@demo.invalid", "Demo DPO agentschap", Role.AgencyDpo, null, null),
        .. Municipalities.SelectMany(m => MunicipalRoles.Select(r =>
            new Spec($"{r.Prefix}.{m.Slug}@demo.invalid", $"Demo {r.Profile} {m.Slug}", r.Role, m.Nis, r.Profile))),
    ];

    /// <summary>
    /// Creates what is missing and returns fresh credentials for every demo account. <paramref name="services"/>
    /// is one DI scope (its <see cref="PnxDb"/> and <see cref="UserManager{TUser}"/> share a context),
    /// e.g. a scope of <see cref="AccessServices.CreateProvider"/>. Halle (23027) and Vilvoorde (23088) must exist.
    /// </summary>
    public static async Task<IReadOnlyList<DemoAccount>> EnsureAsync(IServiceProvider services, TimeProvider time, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<PnxDb>();
        var users = services.GetRequiredService<UserManager<PnxUser>>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in Specs) ids[spec.Email] = await EnsureUserAsync(users, time, spec);

        var (admin1, admin2) = (ids[Specs[0].Email], ids[Specs[1].Email]);
        await EnsureAdministratorAsync(db, time, admin1, admin2, ct);
        await EnsureAdministratorAsync(db, time, admin2, admin1, ct);
        foreach (var spec in Specs.Skip(2))
        {
            var scope = await ScopeAsync(db, time, spec, ct);
            await EnsureGrantAsync(db, time, ids[spec.Email], scope, admin1, admin2, ct);
        }

        var accounts = new List<DemoAccount>();
        foreach (var spec in Specs) accounts.Add(await NewCredentialsAsync(db, users, ids[spec.Email], spec, ct));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await AuditTrail.AppendAsync(db, time, new AuditRecord(Actor, "user.demo-credentials", null, [], AuditPurposes.Supervision,
            $"new passwords and TOTP secrets for {accounts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} demo accounts"), ct);
        await transaction.CommitAsync(ct);
        return accounts;
    }

    private static async Task<string> EnsureUserAsync(UserManager<PnxUser> users, TimeProvider time, Spec spec)
    {
        if (await users.FindByEmailAsync(spec.Email) is { } existing) return existing.Id;
        var user = new PnxUser
        {
            UserName = spec.Email,
            Email = spec.Email,
            DisplayName = spec.Name,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            EmailConfirmed = true,
            TwoFactorEnabled = true,
        };
        Check(await users.CreateAsync(user), "create a demo account");
        return user.Id;
    }

    private static async Task EnsureAdministratorAsync(PnxDb db, TimeProvider time, string userId, string other, CancellationToken ct)
    {
        if (await HasActiveAsync(db, time, userId, new GrantScope(Role.AgencyAccessAdministrator, null, null), ct)) return;
        var otherIsAdministrator = await AccessQueries.IsActiveAccessAdministratorAsync(db, other, time.GetUtcNow(), ct);
        Check(await GrantBootstrap.BootstrapAsync(db, time, userId, otherIsAdministrator ? other : null, ct));
    }

    private static async Task EnsureGrantAsync(PnxDb db, TimeProvider time, string userId, GrantScope scope, string requester, string approver, CancellationToken ct)
    {
        if (await HasActiveAsync(db, time, userId, scope, ct)) return;
        var requested = Check(await GrantRules.RequestAsync(db, time, userId, scope, requester, ct));
        Check(await GrantRules.ApproveAsync(db, time, requested.GrantId!.Value, approver, ct));
    }

    private static Task<bool> HasActiveAsync(PnxDb db, TimeProvider time, string userId, GrantScope scope, CancellationToken ct) =>
        db.Grants.Where(g => g.UserId == userId && g.Role == scope.Role && g.MunicipalityId == scope.MunicipalityId)
            .Where(AccessQueries.IsActive(time.GetUtcNow().UtcDateTime))
            .AnyAsync(ct);

    private static async Task<GrantScope> ScopeAsync(PnxDb db, TimeProvider time, Spec spec, CancellationToken ct)
    {
        if (spec.Nis is null) return new GrantScope(spec.Role, null, null);
        var municipalityId = await db.Municipalities.Where(m => m.NisCode == spec.Nis).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"Demo municipality {spec.Nis} does not exist; create the demo data first.");
        var profileId = await db.FunctionProfiles.Where(p => p.MunicipalityId == municipalityId && p.Name == spec.Profile).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (profileId is null)
        {
            Check(await FunctionProfiles.AddAsync(db, time, spec.Nis, spec.Profile!, spec.Role.Slug(), Actor, ct));
            profileId = await db.FunctionProfiles.Where(p => p.MunicipalityId == municipalityId && p.Name == spec.Profile).Select(p => p.Id).SingleAsync(ct);
        }

        return new GrantScope(spec.Role, municipalityId, profileId);
    }

    private static async Task<DemoAccount> NewCredentialsAsync(PnxDb db, UserManager<PnxUser> users, string userId, Spec spec, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("A demo account vanished.");
        var password = await NewValidPasswordAsync(users, user);
        if (await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user), "remove the old password");
        Check(await users.AddPasswordAsync(user, password), "set a password");
        await OneTimeCodes.ResetKeyAsync(db, users, user, ct);
        var secret = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key after reset.");
        user.EmailConfirmed = true;
        user.TwoFactorEnabled = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        Check(await users.UpdateAsync(user), "activate a demo account");
        return new DemoAccount(spec.Role, spec.Nis, spec.Email, password, secret);
    }

    // A random password can, very rarely, hold a short part of the account's name; then draw again.
    private static async Task<string> NewValidPasswordAsync(UserManager<PnxUser> users, PnxUser user)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var password = DemoAccount.NewPassword();
            if ((await UserAccounts.ValidatePasswordAsync(users, user, password)).Succeeded) return password;
        }

        throw new InvalidOperationException("No random demo password passes the password rules.");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Code))}");
    }

    private static AccessOutcome Check(AccessOutcome outcome) =>
        outcome.Succeeded ? outcome : throw new InvalidOperationException("Demo accounts: " + outcome.Message);
}
