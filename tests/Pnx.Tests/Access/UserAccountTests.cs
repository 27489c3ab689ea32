using Pnx.Access;
using Pnx.Cli;

namespace Pnx.Tests.Access;

public sealed class UserAccountTests
{
    private static string Token(string output) => output.Trim().Split('/')[^1];

    [Fact]
    public async Task UserAddPrintsAnActivationLinkAndASecondAddWithTheSameEmailIsRefused()
    {
        await using var world = await AccessWorld.CreateAsync();
        var run = await world.AddUserAsync("toeleider@halle.example");
        Assert.Matches(@"http://127\.0\.0\.1:5080/activeren/[A-Za-z0-9_-]{43}\s*$", run.Out);

        var again = await world.Cli.RunAsync("user", "add", "--email", "Toeleider@halle.example", "--name", "Someone");
        Assert.Equal(ExitCodes.Refused, again.ExitCode);
    }

    [Fact]
    public async Task UserAddWithABadEmailIsRejected()
    {
        await using var world = await AccessWorld.CreateAsync();
        var run = await world.Cli.RunAsync("user", "add", "--email", "not-an-address", "--name", "X");
        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
    }

    [Fact]
    public async Task UserAddUsesTheGivenBaseUrlAndStoresOnlyAHashOfTheToken()
    {
        await using var world = await AccessWorld.CreateAsync();
        var run = await world.Cli.RunExpectingAsync(ExitCodes.Done, "user", "add", "--email", "a@b.example", "--name", "A", "--base-url", "https://pnx.example/");
        Assert.Contains("https://pnx.example/activeren/", run.Out, StringComparison.Ordinal);
        var token = Token(run.Out);
        await using var db = world.Database.Open();
        var stored = Assert.Single(db.ActivationTokens);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(ActivationTokens.Hash(token), stored.TokenHash);
    }

    [Fact]
    public async Task ActivationTokenWorksOnceOnly()
    {
        await using var world = await AccessWorld.CreateAsync();
        var token = Token((await world.AddUserAsync("a@b.example")).Out);
        var first = await world.WithServicesAsync((_, db, users) => UserAccounts.ActivateAsync(db, users, world.Time, token, "lange zin met spaties"));
        Assert.True(first.Succeeded, first.Message);
        var second = await world.WithServicesAsync((_, db, users) => UserAccounts.ActivateAsync(db, users, world.Time, token, "nog een lange zin"));
        Assert.Equal(AccessOutcomeKind.Refused, second.Kind);
    }

    [Fact]
    public async Task ActivationTokenDoesNotWorkAfter24Hours()
    {
        await using var world = await AccessWorld.CreateAsync();
        var token = Token((await world.AddUserAsync("a@b.example")).Out);
        world.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await using var db = world.Database.Open();
        Assert.Null(await ActivationTokens.FindUserAsync(db, token, world.Time.GetUtcNow()));
        Assert.Null(await ActivationTokens.ConsumeAsync(db, token, world.Time.GetUtcNow()));
    }

    [Fact]
    public async Task ActivationTokenStillWorksJustBefore24Hours()
    {
        await using var world = await AccessWorld.CreateAsync();
        var token = Token((await world.AddUserAsync("a@b.example")).Out);
        world.Time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        await using var db = world.Database.Open();
        Assert.NotNull(await ActivationTokens.ConsumeAsync(db, token, world.Time.GetUtcNow()));
    }

    [Theory]
    [InlineData("Password123!")]
    [InlineData("qwertyuiop123")]
    [InlineData("WELKOM123456")]
    [InlineData("123456789012")]
    public async Task ACommonPasswordIsRefusedAndTheTokenStaysUsable(string password)
    {
        await using var world = await AccessWorld.CreateAsync();
        var token = Token((await world.AddUserAsync("a@b.example")).Out);
        var outcome = await world.WithServicesAsync((_, db, users) => UserAccounts.ActivateAsync(db, users, world.Time, token, password));
        Assert.Equal(AccessOutcomeKind.Rejected, outcome.Kind);
        Assert.Contains("common", outcome.Message, StringComparison.Ordinal);
        await using var db = world.Database.Open();
        Assert.NotNull(await ActivationTokens.FindUserAsync(db, token, world.Time.GetUtcNow()));
    }

    [Fact]
    public async Task AnElevenCharacterPasswordIsRefusedAndTwelveCharactersAreEnough()
    {
        await using var world = await AccessWorld.CreateAsync();
        var token = Token((await world.AddUserAsync("a@b.example")).Out);
        var tooShort = await world.WithServicesAsync((_, db, users) => UserAccounts.ActivateAsync(db, users, world.Time, token, "zk8f-ph3m-q"));
        Assert.Equal(AccessOutcomeKind.Rejected, tooShort.Kind);
        var enough = await world.WithServicesAsync((_, db, users) => UserAccounts.ActivateAsync(db, users, world.Time, token, "zk8f-ph3m-qx"));
        Assert.True(enough.Succeeded, enough.Message);
    }

    [Fact]
    public async Task ADisabledUserHasNoActiveGrantsAndANewSecurityStamp()
    {
        await using var world = await AccessWorld.WithAdministratorsAsync();
        await world.AddUserAsync("toeleider@halle.example");
        await world.GrantProfileAsync("toeleider@halle.example", AccessWorld.Halle, "Integratieambtenaar");
        Assert.NotEmpty(await world.ActiveGrantsAsync("toeleider@halle.example"));
        var stampBefore = await world.WithServicesAsync(async (_, _, users) => (await users.FindByEmailAsync("toeleider@halle.example"))!.SecurityStamp);

        await world.Cli.RunExpectingAsync(ExitCodes.Done, "user", "disable", "--email", "toeleider@halle.example", "--by", AccessWorld.Admin1);

        Assert.Empty(await world.ActiveGrantsAsync("toeleider@halle.example"));
        var stampAfter = await world.WithServicesAsync(async (_, _, users) => (await users.FindByEmailAsync("toeleider@halle.example"))!.SecurityStamp);
        Assert.NotEqual(stampBefore, stampAfter);
        await using (var db = world.Database.Open())
        {
            Assert.Single(db.AuditEntries.Where(e => e.Action == "user.disable"));
        }

        await world.Cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
    }

    [Fact]
    public async Task OnlyAnAccessAdministratorCanDisableAnAccount()
    {
        await using var world = await AccessWorld.WithAdministratorsAsync();
        await world.AddUserAsync("a@b.example");
        await world.AddUserAsync("c@d.example");
        await world.Cli.RunExpectingAsync(ExitCodes.Refused, "user", "disable", "--email", "a@b.example", "--by", "c@d.example");
    }
}
