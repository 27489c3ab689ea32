using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Pnx.Access;
using Pnx.Cli;

namespace Pnx.Tests.Access;

public sealed partial class DemoAccountTests
{
    [GeneratedRegex(@"^demo account: (agency-access-administrator|agency-data-steward|agency-trajectory-counsellor|agency-dpo|municipal-case-worker|municipal-offer-manager|municipal-dpo) (\d{5}|-) \S+@\S+ \S+ [A-Z2-7]+=*$")]
    private static partial Regex ContractLine();

    private static Task<IReadOnlyList<DemoAccount>> EnsureAsync(AccessWorld world) =>
        world.WithServicesAsync((services, _, _) => DemoAccounts.EnsureAsync(services, world.Time));

    [Fact]
    public async Task DemoAccountsCoverEveryRoleWithContractLinesAndActiveGrants()
    {
        await using var world = await AccessWorld.CreateAsync();
        var accounts = await EnsureAsync(world);

        Assert.Equal(Roles.All.Order(), accounts.Select(a => a.Role).Distinct().Order());
        Assert.All(accounts, a => Assert.Matches(ContractLine(), a.Line));
        Assert.All(accounts, a => Assert.EndsWith("@demo.invalid", a.Email, StringComparison.Ordinal));
        Assert.Contains(accounts, a => a.Line.StartsWith("demo account: municipal-case-worker 23027 toeleider.halle@demo.invalid ", StringComparison.Ordinal));
        foreach (var nis in new[] { AccessWorld.Halle, AccessWorld.Vilvoorde })
        {
            Assert.Equal(3, accounts.Count(a => a.MunicipalityNis == nis));
        }

        Assert.Equal(2, accounts.Count(a => a.Role == Role.AgencyAccessAdministrator));
        foreach (var account in accounts)
        {
            Assert.Matches(@"^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$", account.Password);
            var grant = Assert.Single(await world.ActiveGrantsAsync(account.Email));
            Assert.Equal(new ActiveGrant(account.Role, account.MunicipalityNis), grant);
        }

        await world.Cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
    }

    [Fact]
    public async Task DemoGrantsAreApprovedByASecondAdministrator()
    {
        await using var world = await AccessWorld.CreateAsync();
        await EnsureAsync(world);
        await using var db = world.Database.Open();
        var normal = db.Grants.Where(g => !g.IsBootstrap).ToList();
        Assert.Equal(9, normal.Count);
        Assert.All(normal, g => Assert.True(g.ApprovedById is not null && g.ApprovedById != g.RequestedById && g.ApprovedById != g.UserId));
    }

    [Fact]
    public async Task EveryCallGivesNewCredentialsAndOnlyTheNewPasswordWorks()
    {
        await using var world = await AccessWorld.CreateAsync();
        var first = await EnsureAsync(world);
        var second = await EnsureAsync(world);

        Assert.Equal(first.Select(a => a.Email), second.Select(a => a.Email));
        Assert.All(first.Zip(second), pair =>
        {
            Assert.NotEqual(pair.First.Password, pair.Second.Password);
            Assert.NotEqual(pair.First.TotpSecret, pair.Second.TotpSecret);
        });
        await world.WithServicesAsync(async (_, _, users) =>
        {
            var user = (await users.FindByEmailAsync(second[0].Email))!;
            Assert.True(await users.CheckPasswordAsync(user, second[0].Password));
            Assert.False(await users.CheckPasswordAsync(user, first[0].Password));
            Assert.DoesNotContain(second[0].Password, user.PasswordHash!, StringComparison.Ordinal);
            return true;
        });
        await using var db = world.Database.Open();
        Assert.Equal(11, db.Users.Count());
        Assert.Equal(11, db.Grants.Count());
    }

    [Fact]
    public async Task ATotpCodeComputedFromThePrintedSecretIsAccepted()
    {
        await using var world = await AccessWorld.CreateAsync();
        var account = (await EnsureAsync(world)).First(a => a.Role == Role.MunicipalCaseWorker);

        var accepted = await world.WithServicesAsync(async (_, _, users) =>
        {
            var user = (await users.FindByEmailAsync(account.Email))!;
            Assert.True(user.TwoFactorEnabled);
            Assert.True(user.EmailConfirmed);
            return await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, Infrastructure.Totp.Code(account.TotpSecret, world.Time.GetUtcNow()));
        });

        Assert.True(accepted);
    }
}
