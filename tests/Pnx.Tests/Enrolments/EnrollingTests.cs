using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Enrolments;
using Pnx.Newcomers;
using static Pnx.Enrolments.EnrolmentStatus;

namespace Pnx.Tests.Enrolments;

/// <summary>
/// The one write path for enrolments on a real database (SQLite, or PostgreSQL with PNX_TEST_ENGINE=postgres):
/// the status order, history, stale versions under concurrency, capacity and the hard rules at proposal.
/// </summary>
public sealed class EnrollingTests : IAsyncLifetime
{
    private ParticipationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ParticipationWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task EveryStatusPairThroughTheWritePathIsAllowedOrRefusedAsTheTableSays()
    {
        var newcomer = await _world.AddNewcomerAsync("D-1");
        var activity = await _world.AddActivityAsync("Zwemclub");
        var problems = new List<string>();
        foreach (var row in EnrolmentRulesTests.AllPairs())
        {
            var (from, to, allowed) = ((EnrolmentStatus)row[0], (EnrolmentStatus)row[1], (bool)row[2]);
            if (from == to) continue;
            var id = await _world.AddEnrolmentAsync(newcomer, activity, from);
            var outcome = await _world.ChangeAsync(id, 1, to, to == Gestopt ? StopReason.Werk : null);
            var stored = await _world.EnrolmentAsync(id);
            var ok = allowed
                ? outcome.Succeeded && stored.Status == to && stored.Version == 2
                : outcome.Kind == EnrolmentOutcomeKind.Refused && stored.Status == from && stored.Version == 1;
            if (!ok) problems.Add($"{from.Word()} → {to.Word()}: {outcome.Kind} {outcome.Message}, stored {stored.Status.Word()} v{stored.Version}");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task GestoptWithoutAReasonIsRefusedAndChangesNothing()
    {
        var id = await _world.AddEnrolmentAsync(await _world.AddNewcomerAsync("D-1"), await _world.AddActivityAsync("Zwemclub"), Gestart);
        var outcome = await _world.ChangeAsync(id, 1, Gestopt);
        Assert.Equal(EnrolmentOutcomeKind.Refused, outcome.Kind);
        Assert.Equal(Gestart, (await _world.EnrolmentAsync(id)).Status);
        Assert.Empty(await _world.HistoryAsync(id));
    }

    [Fact]
    public async Task HoursBeforeGestartAndNegativeOrNonHalfHoursAreRefused()
    {
        var newcomer = await _world.AddNewcomerAsync("D-1");
        var activity = await _world.AddActivityAsync("Zwemclub");
        var proposed = await _world.AddEnrolmentAsync(newcomer, activity, Aangemeld);
        Assert.Equal(EnrolmentOutcomeKind.Refused, (await _world.ChangeAsync(proposed, 1, Aangemeld, hours: 2)).Kind);
        var started = await _world.AddEnrolmentAsync(newcomer, activity, Gestart);
        Assert.Equal(EnrolmentOutcomeKind.Refused, (await _world.ChangeAsync(started, 1, Gestart, hours: -0.5)).Kind);
        Assert.Equal(EnrolmentOutcomeKind.Refused, (await _world.ChangeAsync(started, 1, Gestart, hours: 1.25)).Kind);
        Assert.Null((await _world.EnrolmentAsync(started)).Hours);
        Assert.True((await _world.ChangeAsync(started, 1, Gestart, hours: 1.5)).Succeeded);
        Assert.Equal(1.5, (await _world.EnrolmentAsync(started)).Hours);
    }

    [Fact]
    public async Task EveryChangeIsKeptInTheHistoryWithWhoWhenAndWhat()
    {
        var newcomer = await _world.AddNewcomerAsync("D-7");
        var proposed = await _world.ProposeAsync(newcomer, await _world.AddActivityAsync("Zwemclub"));
        var id = proposed.Enrolment!.Id;
        Assert.True((await _world.ChangeAsync(id, 1, Aangemeld)).Succeeded);
        _world.Time.Advance(TimeSpan.FromDays(7));
        Assert.True((await _world.ChangeAsync(id, 2, Gestart, hours: 2.5, actor: "user:colleague")).Succeeded);
        Assert.True((await _world.ChangeAsync(id, 3, Gestart, hours: 6)).Succeeded);
        Assert.True((await _world.ChangeAsync(id, 4, Gestopt, StopReason.Werk)).Succeeded);

        var history = await _world.HistoryAsync(id);
        Assert.Equal([Voorgesteld, Aangemeld, Gestart, Gestart, Gestopt], history.Select(c => c.Status));
        Assert.Equal([null, null, 2.5, 6, 6], history.Select(c => c.Hours));
        Assert.Equal(StopReason.Werk, history[^1].Reason);
        Assert.Equal("user:colleague", history[2].Actor);
        Assert.All(history, c => Assert.Equal("D-7", c.DossierNumber));
        Assert.Equal(PnxCliNow.AddDays(7), history[2].At);
        var stored = await _world.EnrolmentAsync(id);
        Assert.Equal((Gestopt, 5, 6.0), (stored.Status, stored.Version, stored.Hours!.Value));

        await using var db = _world.Open();
        var audited = await db.AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith("enrolment.")).OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal(["enrolment.create", "enrolment.status", "enrolment.status", "enrolment.status", "enrolment.status"], audited.Select(e => e.Action));
        Assert.All(audited, e => Assert.Equal(["D-7"], AuditHash.ParseSubjects(e.Subjects)));
        Assert.True((await AuditVerifier.VerifyAsync(db, CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task AStaleVersionIsRefusedAndTheNewerChangeIsKept()
    {
        var id = await _world.AddEnrolmentAsync(await _world.AddNewcomerAsync("D-1"), await _world.AddActivityAsync("Zwemclub"), Voorgesteld);
        Assert.True((await _world.ChangeAsync(id, 1, Aangemeld)).Succeeded);
        var stale = await _world.ChangeAsync(id, 1, NietGestart);
        Assert.Equal(EnrolmentOutcomeKind.Stale, stale.Kind);
        Assert.Contains("iemand anders heeft deze inschrijving intussen gewijzigd", stale.Message, StringComparison.Ordinal);
        Assert.Equal((Aangemeld, 2), ((await _world.EnrolmentAsync(id)).Status, (await _world.EnrolmentAsync(id)).Version));
    }

    [Fact]
    public async Task TwoConcurrentChangesWithTheSameVersionOneWinsAndTheOtherIsStale()
    {
        var newcomer = await _world.AddNewcomerAsync("D-1");
        var activity = await _world.AddActivityAsync("Zwemclub");
        for (var round = 0; round < 5; round++)
        {
            var id = await _world.AddEnrolmentAsync(newcomer, activity, Voorgesteld);
            var outcomes = await Task.WhenAll(
                Task.Run(() => _world.ChangeAsync(id, 1, Aangemeld, actor: "user:a")),
                Task.Run(() => _world.ChangeAsync(id, 1, NietGestart, actor: "user:b")));
            Assert.Single(outcomes, o => o.Succeeded);
            Assert.Single(outcomes, o => o.Kind == EnrolmentOutcomeKind.Stale);
            var stored = await _world.EnrolmentAsync(id);
            var winner = outcomes.Single(o => o.Succeeded).Enrolment!;
            Assert.Equal((winner.Status, 2), (stored.Status, stored.Version));
            Assert.Single(await _world.HistoryAsync(id));
        }
    }

    [Fact]
    public async Task CapacityCountsAangemeldAndGestartAndRefusesTheNextPlace()
    {
        var activity = await _world.AddActivityAsync("Kookclub", capacity: 1);
        var first = (await _world.ProposeAsync(await _world.AddNewcomerAsync("D-1"), activity)).Enrolment!.Id;
        var second = (await _world.ProposeAsync(await _world.AddNewcomerAsync("D-2"), activity)).Enrolment!.Id;
        Assert.True((await _world.ChangeAsync(first, 1, Aangemeld)).Succeeded);

        var full = await _world.ChangeAsync(second, 1, Gestart);
        Assert.Equal(EnrolmentOutcomeKind.Refused, full.Kind);
        Assert.Equal("de activiteit is volzet", full.Message);
        var third = await _world.ProposeAsync(await _world.AddNewcomerAsync("D-3"), activity);
        Assert.Equal(EnrolmentOutcomeKind.Refused, third.Kind);

        Assert.True((await _world.ChangeAsync(first, 2, Gestart)).Succeeded);
        Assert.True((await _world.ChangeAsync(first, 3, Gestopt, StopReason.Verhuisd)).Succeeded);
        Assert.True((await _world.ChangeAsync(second, 1, Gestart)).Succeeded);
    }

    [Fact]
    public async Task TwoConcurrentEnrolmentsCannotBothTakeTheLastPlace()
    {
        for (var round = 0; round < 5; round++)
        {
            var activity = await _world.AddActivityAsync("Kookclub " + round, capacity: 1);
            var a = await _world.AddEnrolmentAsync(await _world.AddNewcomerAsync($"A-{round}"), activity, Voorgesteld);
            var b = await _world.AddEnrolmentAsync(await _world.AddNewcomerAsync($"B-{round}"), activity, Voorgesteld);
            var outcomes = await Task.WhenAll(
                Task.Run(() => _world.ChangeAsync(a, 1, Aangemeld)),
                Task.Run(() => _world.ChangeAsync(b, 1, Aangemeld)));
            Assert.Single(outcomes, o => o.Succeeded);
            Assert.Single(outcomes, o => o.Kind == EnrolmentOutcomeKind.Refused && o.Message == "de activiteit is volzet");
        }
    }

    [Fact]
    public async Task AnActivityIsNotProposedTwiceWhileAnEnrolmentIsOpenButAgainOnceItIsFinal()
    {
        var newcomer = await _world.AddNewcomerAsync("D-1");
        var activity = await _world.AddActivityAsync("Zwemclub");
        var first = await _world.ProposeAsync(newcomer, activity);
        Assert.True(first.Succeeded);
        Assert.Equal(EnrolmentOutcomeKind.Refused, (await _world.ProposeAsync(newcomer, activity)).Kind);
        Assert.True((await _world.ChangeAsync(first.Enrolment!.Id, 1, NietGestart)).Succeeded);
        Assert.True((await _world.ProposeAsync(newcomer, activity)).Succeeded);
    }

    [Fact]
    public async Task ProposingAnActivityThatBreaksAHardRuleIsRefused()
    {
        var newcomer = await _world.AddNewcomerAsync("D-1", interests: InterestsAndNeeds.SportAndExercise | InterestsAndNeeds.NeedsFreeActivity, level: DutchLevel.A1);
        var paid = await _world.AddActivityAsync("Fitness", configure: a => a.Free = false);
        var tooHard = await _world.AddActivityAsync("Debatclub", configure: a => (a.Free, a.MinimumDutchLevel) = (true, DutchLevel.B2));
        var ended = await _world.AddActivityAsync("Zomerkamp", configure: a => (a.Free, a.To) = (true, new DateOnly(2026, 6, 1)));
        var fits = await _world.AddActivityAsync("Zwemclub", configure: a => a.Free = true);
        foreach (var activity in new[] { paid, tooHard, ended })
        {
            Assert.Equal(EnrolmentOutcomeKind.Refused, (await _world.ProposeAsync(newcomer, activity)).Kind);
        }

        Assert.True((await _world.ProposeAsync(newcomer, fits)).Succeeded);
    }

    [Fact]
    public async Task AnotherMunicipalitysNewcomerActivityOrEnrolmentIsNotFound()
    {
        var own = await _world.AddNewcomerAsync("D-1");
        var foreignNewcomer = await _world.AddNewcomerAsync("V-1", _world.Vilvoorde);
        var ownActivity = await _world.AddActivityAsync("Zwemclub");
        var foreignActivity = await _world.AddActivityAsync("Vilvoordse club", workspace: _world.Vilvoorde);
        Assert.Equal(EnrolmentOutcomeKind.NotFound, (await _world.ProposeAsync(foreignNewcomer, ownActivity)).Kind);
        Assert.Equal(EnrolmentOutcomeKind.NotFound, (await _world.ProposeAsync(own, foreignActivity)).Kind);
        var id = (await _world.ProposeAsync(own, ownActivity)).Enrolment!.Id;
        Assert.Equal(EnrolmentOutcomeKind.NotFound, (await _world.ChangeAsync(id, 1, Aangemeld, workspace: _world.Vilvoorde)).Kind);
    }

    [Fact]
    public async Task AnActivitySharedWithThePartnerMunicipalityCanBeProposedThere()
    {
        var newcomer = await _world.AddNewcomerAsync("V-1", _world.Vilvoorde);
        var shared = await _world.AddActivityAsync("Intergemeentelijk zwemmen", configure: a => a.SharedWith.Add(new Pnx.Activities.ActivityShare { MunicipalityId = _world.Vilvoorde.Id }));
        Assert.True((await _world.ProposeAsync(newcomer, shared, _world.Vilvoorde)).Succeeded);
    }

    private static DateTime PnxCliNow => Pnx.Tests.Infrastructure.PnxCli.DefaultNow.UtcDateTime;
}
