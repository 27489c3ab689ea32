using Pnx.Access;
using Pnx.Municipalities;
using Pnx.Protocols;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Protocols;

/// <summary>Warnings 60, 30 and 7 days before a protocol ends, to the agency's access administrators and the municipality's DPO.</summary>
public sealed class ProtocolWarningTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Theory]
    [InlineData(61, null)]
    [InlineData(60, 60)]
    [InlineData(31, 60)]
    [InlineData(30, 30)]
    [InlineData(8, 30)]
    [InlineData(7, 7)]
    [InlineData(0, 7)]
    public async Task AProtocolEndingSoonWarnsAtTheRightThreshold(int daysLeft, int? threshold)
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.Open();
        var municipality = new Municipality { NisCode = "23027", Name = "Halle" };
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        var end = Today.AddDays(daysLeft);
        db.Protocols.Add(new Protocol { MunicipalityId = municipality.Id, StartDate = new DateOnly(2024, 1, 1), EndDate = end, EffectiveEndDate = end });
        await db.SaveChangesAsync();

        var admin = await ProtocolWarnings.EndingAsync(db, [new ActiveGrant(Role.AgencyAccessAdministrator, null)], Today, default);
        var dpo = await ProtocolWarnings.EndingAsync(db, [new ActiveGrant(Role.MunicipalDpo, "23027")], Today, default);
        var otherDpo = await ProtocolWarnings.EndingAsync(db, [new ActiveGrant(Role.MunicipalDpo, "23088")], Today, default);
        var caseWorker = await ProtocolWarnings.EndingAsync(db, [new ActiveGrant(Role.MunicipalCaseWorker, "23027")], Today, default);
        Assert.Equal(threshold, admin.SingleOrDefault()?.Threshold);
        Assert.Equal(threshold, dpo.SingleOrDefault()?.Threshold);
        Assert.Empty(otherDpo);
        Assert.Empty(caseWorker);

        db.Protocols.Add(new Protocol { MunicipalityId = municipality.Id, StartDate = end.AddDays(1), EndDate = end.AddYears(2), EffectiveEndDate = end.AddYears(2) });
        await db.SaveChangesAsync();
        Assert.Empty(await ProtocolWarnings.EndingAsync(db, [new ActiveGrant(Role.AgencyAccessAdministrator, null)], Today, default));
    }
}
