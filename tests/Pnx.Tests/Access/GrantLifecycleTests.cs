using System.Globalization;
using Pnx.Access;
using Pnx.Cli;

namespace Pnx.Tests.Access;

public sealed class GrantLifecycleTests
{
    private const string CaseWorker = "toeleider@halle.example";

    private static async Task<AccessWorld> WorldWithCaseWorkerAsync()
    {
        var world = await AccessWorld.WithAdministratorsAsync();
        await world.AddUserAsync(CaseWorker);
        return world;
    }

    [Fact]
    public async Task ARequestedButUnapprovedGrantGivesNoAccess()
    {
        await using var world = await WorldWithCaseWorkerAsync();
        await world.RequestProfileAsync(CaseWorker, AccessWorld.Halle, "Integratieambtenaar");
        Assert.Empty(await world.ActiveGrantsAsync(CaseWorker));
    }

    [Fact]
    public async Task AnApprovedGrantGivesTheProfilesRoleInThatMunicipalityOnly()
    {
        await using var world = await WorldWithCaseWorkerAsync();
        await world.GrantProfileAsync(CaseWorker, AccessWorld.Halle, "Integratieambtenaar");
        var grant = Assert.Single(await world.ActiveGrantsAsync(CaseWorker));
        Assert.Equal(new ActiveGrant(Role.MunicipalCaseWorker, AccessWorld.Halle), grant);
    }

    [Fact]
    public async Task ARevokedGrantGivesNoAccessAtOnce()
    {
        await using var world = await WorldWithCaseWorkerAsync();
        var id = await world.GrantProfileAsync(CaseWorker, AccessWorld.Halle, "Integratieambtenaar");
        await world.Cli.RunExpectingAsync(ExitCodes.Done, "grant", "revoke", "--id", id.ToString(CultureInfo.InvariantCulture), "--by", AccessWorld.Admin1);
        Assert.Empty(await world.ActiveGrantsAsync(CaseWorker));
        await world.Cli.RunExpectingAsync(ExitCodes.Refused, "grant", "revoke", "--id", id.ToString(CultureInfo.InvariantCulture), "--by", AccessWorld.Admin2);
    }

    [Fact]
    public async Task AGrantExpiresTwelveMonthsAfterApproval()
    {
        await using var world = await WorldWithCaseWorkerAsync();
        await world.GrantProfileAsync(CaseWorker, AccessWorld.Halle, "Integratieambtenaar");
        world.Time.Advance(TimeSpan.FromDays(364));
        Assert.NotEmpty(await world.ActiveGrantsAsync(CaseWorker));
        world.Time.SetUtcNow(PnxCliNow.AddMonths(12).AddDays(1));
        Assert.Empty(await world.ActiveGrantsAsync(CaseWorker));
        var list = await world.Cli.RunExpectingAsync(ExitCodes.Done, "grant", "list", "--user", CaseWorker);
        Assert.Contains("expired", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecertificationExtendsTheGrantByTwelveMonthsFromNow()
    {
        await using var world = await WorldWithCaseWorkerAsync();
        var id = await world.GrantProfileAsync(CaseWorker, AccessWorld.Halle, "Integratieambtenaar");
        world.Time.SetUtcNow(PnxCliNow.AddMonths(11));
        await world.Cli.RunExpectingAsync(ExitCodes.Done, "grant", "recertify", "--id", id.ToString(CultureInfo.InvariantCulture), "--by", AccessWorld.Admin1);
        world.Time.SetUtcNow(PnxCliNow.AddMonths(12).AddDays(1));
        Assert.NotEmpty(await world.ActiveGrantsAsync(CaseWorker));
        world.Time.SetUtcNow(PnxCliNow.AddMonths(23).AddDays(1));
        Assert.Empty(await world.ActiveGrantsAsync(CaseWorker));
    }

    [Fact]
    public async Task AnExpiredGrantCannotBeRecertified()
    {
        await using var world = await WorldWithCaseWorkerAsync();
        var id = await world.GrantProfileAsync(CaseWorker, AccessWorld.Halle, "Integratieambtenaar");
        world.Time.SetUtcNow(PnxCliNow.AddMonths(12).AddDays(1));
        await world.Cli.RunExpectingAsync(ExitCodes.Refused, "grant", "recertify", "--id", id.ToString(CultureInfo.InvariantCulture), "--by", AccessWorld.Admin1);
    }

    [Fact]
    public async Task TheDueListShowsActiveGrantsLapsingWithin30Days()
    {
        await using var world = await WorldWithCaseWorkerAsync();
        await world.AddUserAsync("later@vilvoorde.example");
        await world.GrantProfileAsync(CaseWorker, AccessWorld.Halle, "Integratieambtenaar");
        world.Time.Advance(TimeSpan.FromDays(60));
        await world.GrantProfileAsync("later@vilvoorde.example", AccessWorld.Vilvoorde, "Integratieambtenaar");
        world.Time.SetUtcNow(PnxCliNow.AddMonths(11).AddDays(5));

        var due = await world.Cli.RunExpectingAsync(ExitCodes.Done, "grant", "list", "--due-within", "30");

        Assert.Contains(CaseWorker, due.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("later@vilvoorde.example", due.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("requested", due.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGrantListFiltersByMunicipality()
    {
        await using var world = await WorldWithCaseWorkerAsync();
        await world.AddUserAsync("later@vilvoorde.example");
        await world.GrantProfileAsync(CaseWorker, AccessWorld.Halle, "Integratieambtenaar");
        await world.GrantProfileAsync("later@vilvoorde.example", AccessWorld.Vilvoorde, "Integratieambtenaar");
        var list = await world.Cli.RunExpectingAsync(ExitCodes.Done, "grant", "list", "--municipality", AccessWorld.Vilvoorde);
        Assert.Contains("later@vilvoorde.example", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(CaseWorker, list.Out, StringComparison.Ordinal);
        Assert.Contains("1 grants", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryGrantChangeLeavesAnAuditEntryWithIdsOnlyAndTheChainVerifies()
    {
        await using var world = await WorldWithCaseWorkerAsync();
        var id = await world.GrantProfileAsync(CaseWorker, AccessWorld.Halle, "Integratieambtenaar");
        await world.Cli.RunExpectingAsync(ExitCodes.Done, "grant", "recertify", "--id", id.ToString(CultureInfo.InvariantCulture), "--by", AccessWorld.Admin1);
        await world.Cli.RunExpectingAsync(ExitCodes.Done, "grant", "revoke", "--id", id.ToString(CultureInfo.InvariantCulture), "--by", AccessWorld.Admin2);

        await using var db = world.Database.Open();
        var entries = db.AuditEntries.OrderBy(e => e.Seq).ToList();
        Assert.Equal(
            ["grant.bootstrap", "grant.bootstrap", "grant.request", "grant.approve", "grant.recertify", "grant.revoke"],
            entries.Where(e => e.Action.StartsWith("grant.", StringComparison.Ordinal)).Select(e => e.Action));
        Assert.Equal(3, entries.Count(e => e.Action == "user.add"));
        var grantEntries = entries.Where(e => e.Action.StartsWith("grant.", StringComparison.Ordinal) && e.Action != "grant.bootstrap").ToList();
        Assert.All(grantEntries, e => Assert.Equal(AccessWorld.Halle, e.Municipality));
        Assert.All(grantEntries, e => Assert.Equal("[]", e.Subjects));
        Assert.All(entries, e => Assert.DoesNotContain("@", e.Actor + e.Detail, StringComparison.Ordinal));
        await world.Cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
    }

    [Fact]
    public async Task ARequestNamingAnUnknownProfileOrRoleIsRejected()
    {
        await using var world = await WorldWithCaseWorkerAsync();
        Assert.Equal(ExitCodes.Rejected, (await world.RequestProfileAsync(CaseWorker, AccessWorld.Halle, "Burgemeester")).ExitCode);
        Assert.Equal(ExitCodes.Rejected, (await world.RequestAgencyRoleAsync(CaseWorker, "municipal-case-worker")).ExitCode);
        Assert.Equal(ExitCodes.Rejected, (await world.RequestAgencyRoleAsync("nobody@example.be", "agency-dpo")).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await world.Cli.RunAsync("grant", "request", "--user", CaseWorker, "--by", AccessWorld.Admin1)).ExitCode);
        Assert.Equal(ExitCodes.Rejected, (await world.ApproveAsync(999)).ExitCode);
    }

    private static DateTimeOffset PnxCliNow => Infrastructure.PnxCli.DefaultNow;
}
