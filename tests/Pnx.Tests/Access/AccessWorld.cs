using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pnx.Access;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Access;

/// <summary>A real database with two municipalities and intent methods for accounts and grants, through the CLI verbs.</summary>
public sealed partial class AccessWorld : IAsyncDisposable
{
    public const string Admin1 = "beheer1@agii.example";
    public const string Admin2 = "beheer2@agii.example";
    public const string Halle = "23027";
    public const string Vilvoorde = "23088";

    private AccessWorld(TestDatabase database, FakeTimeProvider time)
    {
        Database = database;
        Time = time;
        Cli = PnxCli.For(database, time);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; }

    public PnxCli Cli { get; }

    public static async Task<AccessWorld> CreateAsync()
    {
        var world = new AccessWorld(await TestDatabase.CreateAsync(), new FakeTimeProvider(PnxCli.DefaultNow));
        await world.Cli.RunExpectingAsync(ExitCodes.Done, "municipality", "add", "--nis", Halle, "--name", "Halle");
        await world.Cli.RunExpectingAsync(ExitCodes.Done, "municipality", "add", "--nis", Vilvoorde, "--name", "Vilvoorde");
        return world;
    }

    /// <summary>Two active access administrators (the bootstrap path) and the municipal profiles of both municipalities.</summary>
    public static async Task<AccessWorld> WithAdministratorsAsync()
    {
        var world = await CreateAsync();
        await world.AddUserAsync(Admin1);
        await world.AddUserAsync(Admin2);
        await world.Cli.RunExpectingAsync(ExitCodes.Done, "grant", "request", "--user", Admin1, "--agency-role", "agency-access-administrator", "--bootstrap");
        await world.Cli.RunExpectingAsync(ExitCodes.Done, "grant", "request", "--user", Admin2, "--agency-role", "agency-access-administrator", "--bootstrap", "--by", Admin1);
        foreach (var nis in new[] { Halle, Vilvoorde })
        {
            await world.AddProfileAsync(nis, "Integratieambtenaar", "municipal-case-worker");
            await world.AddProfileAsync(nis, "Coördinator vrijetijdsaanbod", "municipal-offer-manager");
            await world.AddProfileAsync(nis, "Functionaris gegevensbescherming", "municipal-dpo");
        }

        return world;
    }

    public async Task<CliRun> AddUserAsync(string email) =>
        await Cli.RunExpectingAsync(ExitCodes.Done, "user", "add", "--email", email, "--name", "Test " + email.Split('@')[0]);

    public Task<CliRun> AddProfileAsync(string nis, string name, string role) =>
        Cli.RunExpectingAsync(ExitCodes.Done, "function-profile", "add", "--municipality", nis, "--name", name, "--role", role);

    public Task<CliRun> RequestProfileAsync(string user, string nis, string profile, string by = Admin1) =>
        Cli.RunAsync("grant", "request", "--user", user, "--municipality", nis, "--profile", profile, "--by", by);

    public Task<CliRun> RequestAgencyRoleAsync(string user, string role, string by = Admin1) =>
        Cli.RunAsync("grant", "request", "--user", user, "--agency-role", role, "--by", by);

    public Task<CliRun> ApproveAsync(int id, string by = Admin2) =>
        Cli.RunAsync("grant", "approve", "--id", id.ToString(CultureInfo.InvariantCulture), "--by", by);

    /// <summary>Requests (by admin 1) and approves (by admin 2) a grant and returns its id.</summary>
    public async Task<int> GrantProfileAsync(string user, string nis, string profile)
    {
        var id = GrantId(await RequestProfileAsync(user, nis, profile));
        Assert.Equal(ExitCodes.Done, (await ApproveAsync(id)).ExitCode);
        return id;
    }

    public async Task<int> GrantAgencyRoleAsync(string user, string role)
    {
        var id = GrantId(await RequestAgencyRoleAsync(user, role));
        Assert.Equal(ExitCodes.Done, (await ApproveAsync(id)).ExitCode);
        return id;
    }

    public static int GrantId(CliRun run)
    {
        var match = GrantNumber().Match(run.Out);
        Assert.True(match.Success, run.ToString());
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<ActiveGrant>> ActiveGrantsAsync(string email)
    {
        await using var db = Database.Open();
        var id = await UserAccounts.IdByEmailAsync(db, email) ?? throw new InvalidOperationException("no such user");
        return await AccessQueries.ActiveGrantsAsync(db, id, Time.GetUtcNow());
    }

    /// <summary>A DI scope with the same Identity configuration as the CLI and the web host.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, PnxDb, UserManager<PnxUser>, Task<T>> action)
    {
        await using var provider = AccessServices.CreateProvider(Database.Settings, Time);
        await using var scope = provider.CreateAsyncScope();
        return await action(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<PnxDb>(), scope.ServiceProvider.GetRequiredService<UserManager<PnxUser>>());
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    [GeneratedRegex(@"^grant (\d+) ", RegexOptions.Multiline)]
    private static partial Regex GrantNumber();
}
