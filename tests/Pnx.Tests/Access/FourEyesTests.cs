using Pnx.Access;
using Pnx.Cli;

namespace Pnx.Tests.Access;

public sealed class FourEyesTests
{
    private const string CaseWorker = "toeleider@halle.example";

    [Fact]
    public async Task BootstrapWorksOnlyWhileNoAdministratorExists()
    {
        await using var world = await AccessWorld.CreateAsync();
        await world.AddUserAsync(AccessWorld.Admin1);
        await world.AddUserAsync(AccessWorld.Admin2);
        await world.AddUserAsync("third@agii.example");

        await world.Cli.RunExpectingAsync(ExitCodes.Done, "grant", "request", "--user", AccessWorld.Admin1, "--agency-role", "agency-access-administrator", "--bootstrap");
        // With one administrator, only that administrator may bootstrap the second (four eyes needs two).
        await world.Cli.RunExpectingAsync(ExitCodes.Refused, "grant", "request", "--user", AccessWorld.Admin2, "--agency-role", "agency-access-administrator", "--bootstrap");
        await world.Cli.RunExpectingAsync(ExitCodes.Done, "grant", "request", "--user", AccessWorld.Admin2, "--agency-role", "agency-access-administrator", "--bootstrap", "--by", AccessWorld.Admin1);
        var third = await world.Cli.RunExpectingAsync(ExitCodes.Refused, "grant", "request", "--user", "third@agii.example", "--agency-role", "agency-access-administrator", "--bootstrap", "--by", AccessWorld.Admin1);
        Assert.Contains("fewer than two", third.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BootstrapMakesOnlyAccessAdministrators()
    {
        await using var world = await AccessWorld.CreateAsync();
        await world.AddUserAsync(AccessWorld.Admin1);
        await world.Cli.RunExpectingAsync(ExitCodes.Rejected, "grant", "request", "--user", AccessWorld.Admin1, "--agency-role", "agency-dpo", "--bootstrap");
    }

    [Fact]
    public async Task TheRequesterCannotApproveTheirOwnRequest()
    {
        await using var world = await AccessWorld.WithAdministratorsAsync();
        await world.AddUserAsync(CaseWorker);
        var id = AccessWorld.GrantId(await world.RequestProfileAsync(CaseWorker, AccessWorld.Halle, "Integratieambtenaar", by: AccessWorld.Admin1));

        var run = await world.ApproveAsync(id, by: AccessWorld.Admin1);

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("refused by SOD-5:", run.Error, StringComparison.Ordinal);
        Assert.Empty(await world.ActiveGrantsAsync(CaseWorker));
    }

    [Fact]
    public async Task NobodyRequestsAGrantForThemselves()
    {
        await using var world = await AccessWorld.WithAdministratorsAsync();
        var run = await world.RequestAgencyRoleAsync(AccessWorld.Admin1, "agency-access-administrator", by: AccessWorld.Admin1);
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("refused by SOD-2:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NobodyApprovesAGrantForThemselves()
    {
        // Through the CLI an administrator never has a pending grant they could approve (SOD-1 and
        // the duplicate check stop it at request time), so the approval-time rule is proven on the table.
        var @case = new SegregationCase("grantee", [], new HeldRole(Role.AgencyAccessAdministrator, null), RequesterId: "requester", ApproverId: "grantee");
        Assert.Equal("SOD-2", SegregationRules.FirstViolated(@case)?.Id);
    }

    [Fact]
    public async Task NobodyRecertifiesTheirOwnGrant()
    {
        await using var world = await AccessWorld.WithAdministratorsAsync();
        var run = await world.Cli.RunAsync("grant", "recertify", "--id", "2", "--by", AccessWorld.Admin2);
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("refused by SOD-2:", run.Error, StringComparison.Ordinal);
        await world.Cli.RunExpectingAsync(ExitCodes.Done, "grant", "recertify", "--id", "2", "--by", AccessWorld.Admin1);
    }

    [Fact]
    public async Task SomeoneWhoIsNotAnAccessAdministratorCannotRequestOrApprove()
    {
        await using var world = await AccessWorld.WithAdministratorsAsync();
        await world.AddUserAsync(CaseWorker);
        await world.AddUserAsync("dpo@halle.example");
        await world.GrantProfileAsync(CaseWorker, AccessWorld.Halle, "Integratieambtenaar");

        var request = await world.RequestProfileAsync("dpo@halle.example", AccessWorld.Halle, "Functionaris gegevensbescherming", by: CaseWorker);
        Assert.Equal(ExitCodes.Refused, request.ExitCode);
        var id = AccessWorld.GrantId(await world.RequestProfileAsync("dpo@halle.example", AccessWorld.Halle, "Functionaris gegevensbescherming"));
        Assert.Equal(ExitCodes.Refused, (await world.ApproveAsync(id, by: CaseWorker)).ExitCode);
    }
}
