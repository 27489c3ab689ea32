using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pnx.Cli;
using Pnx.Demo;
using Pnx.Enrolments;
using Pnx.Matching;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Demo;

public sealed class DemoCatalogueTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(PnxCli.DefaultNow.UtcDateTime);

    private static async Task EnsureAsync(TestDatabase database)
    {
        using var output = new StringWriter();
        await DemoData.EnsureAsync(new CliContext(database.Settings, output, output, new FakeTimeProvider(PnxCli.DefaultNow)), CancellationToken.None);
    }

    [Fact]
    public async Task DemoMunicipalitiesGetACatalogueWithSharedOfferAndVariedActivities()
    {
        await using var database = await TestDatabase.CreateAsync();
        await EnsureAsync(database);

        await using var db = database.Open();
        var activities = await db.Activities.AsNoTracking().Include(a => a.Municipality).Include(a => a.SharedWith).ThenInclude(s => s.Municipality).ToListAsync();
        foreach (var group in activities.GroupBy(a => a.Municipality!.NisCode))
        {
            Assert.InRange(group.Count(), 25, 40);
        }

        Assert.Equal(["12025", "23027", "23088"], activities.Select(a => a.Municipality!.NisCode).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("Buddyproject Samen Halle", activities.OrderBy(a => a.Id).First().Title);
        Assert.Contains(activities, a => a.Municipality!.NisCode == "23027" && a.SharedWith.Any(s => s.Municipality!.NisCode == "23088"));
        Assert.Contains(activities, a => a.Municipality!.NisCode == "23088" && a.SharedWith.Any(s => s.Municipality!.NisCode == "23027"));
        Assert.Contains(activities, a => !a.IsActiveOn(Today));
        Assert.Contains(activities, a => a.DeactivatedAt is null && a.IsActiveOn(Today) && a.Capacity is not null);
        Assert.True(activities.Select(a => a.MinimumDutchLevel).Distinct().Count() >= 3, "a spread of Dutch levels");
        Assert.Contains(activities, a => a.Childcare);
        Assert.Contains(activities, a => a.FamilyActivity);
        Assert.Contains(activities, a => a.Free);
        Assert.All(activities, a => Assert.True(a.ContactEmail is null || a.ContactEmail.EndsWith(".demo.invalid", StringComparison.Ordinal), a.ContactEmail));
    }

    [Fact]
    public async Task DemoEnrolmentsCoverEveryStatusFollowTheStatusOrderAndBreakNoHardRule()
    {
        await using var database = await TestDatabase.CreateAsync();
        await EnsureAsync(database);

        await using var db = database.Open();
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Newcomer).ToListAsync();
        Assert.InRange(enrolments.Count, 20, 80);
        Assert.Equal(Enum.GetValues<EnrolmentStatus>().Order(), enrolments.Select(e => e.Status).Distinct().Order());
        var history = await db.EnrolmentStatusChanges.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        foreach (var enrolment in enrolments)
        {
            var steps = history.Where(c => c.EnrolmentId == enrolment.Id).ToList();
            Assert.Equal(EnrolmentStatus.Voorgesteld, steps[0].Status);
            Assert.Equal(enrolment.Status, steps[^1].Status);
            for (var i = 1; i < steps.Count; i++)
            {
                Assert.Null(EnrolmentRules.Check(steps[i - 1].Status, steps[i].Status, steps[i].Reason, steps[i].Hours));
            }

            Assert.Equal(enrolment.Newcomer!.DossierNumber, steps[0].DossierNumber);
            Assert.Equal(enrolment.MunicipalityId, enrolment.Newcomer.MunicipalityId);
        }

        foreach (var municipality in await db.Municipalities.AsNoTracking().ToListAsync())
        {
            var usable = await MatchingQueries.ActivitiesAsync(db, municipality.Id, CancellationToken.None);
            Assert.All(usable, a => Assert.True(a.Capacity is null || a.Taken <= a.Capacity, $"activity {a.Id} over capacity"));
            foreach (var enrolment in enrolments.Where(e => e.MunicipalityId == municipality.Id))
            {
                var activity = usable.Single(a => a.Id == enrolment.ActivityId);
                Assert.True(Matcher.PassesHardRules(MatchingQueries.Profile(enrolment.Newcomer!), activity with { Taken = 0 }, Today), $"enrolment {enrolment.Id}");
            }
        }
    }

    [Fact]
    public async Task DemoCatalogueIsSeededOnlyWhenTheCatalogueIsEmptyAndExportsBackUnchanged()
    {
        await using var database = await TestDatabase.CreateAsync();
        await EnsureAsync(database);
        int activities, enrolments;
        await using (var db = database.Open())
        {
            activities = await db.Activities.CountAsync();
            enrolments = await db.Enrolments.CountAsync();
        }

        await EnsureAsync(database);
        var cli = PnxCli.For(database);
        var path = Path.Combine(database.Settings.DataDir, "halle.xlsx");
        await cli.RunExpectingAsync(ExitCodes.Done, "activity", "export", "--municipality", "23027", "--format", "xlsx", "--out", path);
        var run = await cli.RunExpectingAsync(ExitCodes.Done, "activity", "import", "--municipality", "23027", "--file", path);

        Assert.Matches("^23027 Halle: 0 activities created, 0 updated, [0-9]+ unchanged$", run.Out.Trim());
        await using var after = database.Open();
        Assert.Equal(activities, await after.Activities.CountAsync());
        Assert.Equal(enrolments, await after.Enrolments.CountAsync());
        await cli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
    }
}
