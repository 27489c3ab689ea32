using Pnx.Access;
using Pnx.Cli;

namespace Pnx.Tests.Access;

public sealed class SegregationOfDutiesTests
{
    private const string Person = "persoon@example.be";

    [Fact]
    public async Task AnAccessAdministratorCannotGetARoleThatReadsPersonalData()
    {
        await using var world = await AccessWorld.WithAdministratorsAsync();
        var run = await world.RequestProfileAsync(AccessWorld.Admin2, AccessWorld.Halle, "Integratieambtenaar", by: AccessWorld.Admin1);
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("refused by SOD-1:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWhoReadsPersonalDataCannotBecomeAnAccessAdministrator()
    {
        await using var world = await AccessWorld.WithAdministratorsAsync();
        await world.AddUserAsync(Person);
        await world.GrantAgencyRoleAsync(Person, "agency-data-steward");
        var run = await world.RequestAgencyRoleAsync(Person, "agency-access-administrator");
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("refused by SOD-1:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APendingRequestCountsForSegregationOfDutiesToo()
    {
        await using var world = await AccessWorld.WithAdministratorsAsync();
        await world.AddUserAsync(Person);
        await world.RequestAgencyRoleAsync(Person, "agency-trajectory-counsellor");
        var run = await world.RequestAgencyRoleAsync(Person, "agency-access-administrator");
        Assert.StartsWith("refused by SOD-1:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADpoCannotAlsoDoCaseWorkInTheSameMunicipality()
    {
        await using var world = await AccessWorld.WithAdministratorsAsync();
        await world.AddUserAsync(Person);
        await world.GrantProfileAsync(Person, AccessWorld.Halle, "Functionaris gegevensbescherming");
        var run = await world.RequestProfileAsync(Person, AccessWorld.Halle, "Integratieambtenaar");
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("refused by SOD-3:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACaseWorkerCannotAlsoBeDpoInTheSameMunicipality()
    {
        await using var world = await AccessWorld.WithAdministratorsAsync();
        await world.AddUserAsync(Person);
        await world.GrantProfileAsync(Person, AccessWorld.Halle, "Integratieambtenaar");
        var run = await world.RequestProfileAsync(Person, AccessWorld.Halle, "Functionaris gegevensbescherming");
        Assert.StartsWith("refused by SOD-3:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADpoMayDoCaseWorkInAnotherMunicipality()
    {
        await using var world = await AccessWorld.WithAdministratorsAsync();
        await world.AddUserAsync(Person);
        await world.GrantProfileAsync(Person, AccessWorld.Halle, "Functionaris gegevensbescherming");
        await world.GrantProfileAsync(Person, AccessWorld.Vilvoorde, "Integratieambtenaar");
        var grants = await world.ActiveGrantsAsync(Person);
        Assert.Contains(new ActiveGrant(Role.MunicipalDpo, AccessWorld.Halle), grants);
        Assert.Contains(new ActiveGrant(Role.MunicipalCaseWorker, AccessWorld.Vilvoorde), grants);
    }

    [Fact]
    public async Task TheAgencyDpoIsNotAlsoADataSteward()
    {
        await using var world = await AccessWorld.WithAdministratorsAsync();
        await world.AddUserAsync(Person);
        await world.GrantAgencyRoleAsync(Person, "agency-dpo");
        var run = await world.RequestAgencyRoleAsync(Person, "agency-data-steward");
        Assert.StartsWith("refused by SOD-4:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRuleHasAnIdAndAnEnglishAndDutchDescription()
    {
        Assert.Equal(["SOD-1", "SOD-2", "SOD-3", "SOD-4", "SOD-5"], SegregationRules.All.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(SegregationRules.All, r => Assert.False(string.IsNullOrWhiteSpace(r.English) || string.IsNullOrWhiteSpace(r.Dutch)));
    }

    [Fact]
    public void OnlyTheAccessAdministratorRoleDoesNotReadPersonalData()
    {
        Assert.Equal([Role.AgencyAccessAdministrator], Roles.All.Where(r => !AccessQueries.CanReadPersonalData(r)));
        Assert.Equal(7, Roles.All.Select(r => r.Slug()).Distinct().Count());
    }
}
