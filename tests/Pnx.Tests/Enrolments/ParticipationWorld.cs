using Pnx.Hosting;
using Pnx.Access.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pnx.Activities;
using Pnx.Data;
using Pnx.Enrolments;
using Pnx.Municipalities;
using Pnx.Newcomers;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Enrolments;

/// <summary>
/// A real database (SQLite, or PostgreSQL under PNX_TEST_ENGINE=postgres) with Halle and Vilvoorde under active
/// protocols, on a fixed clock, and intent methods for newcomers, activities and enrolments.
/// </summary>
public sealed class ParticipationWorld : IAsyncDisposable
{
    public const string Actor = "user:test-case-worker";

    private ParticipationWorld(TestDatabase database, FakeTimeProvider time, WorkspaceMunicipality halle, WorkspaceMunicipality vilvoorde)
    {
        Database = database;
        Time = time;
        Halle = halle;
        Vilvoorde = vilvoorde;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; }

    public WorkspaceMunicipality Halle { get; }

    public WorkspaceMunicipality Vilvoorde { get; }

    public static async Task<ParticipationWorld> CreateAsync()
    {
        var database = await TestDatabase.CreateMigratedAsync();
        var time = new FakeTimeProvider(PnxCli.DefaultNow);
        var cli = PnxCli.For(database, time);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        await cli.AddMunicipalityWithProtocolAsync("23088", "Vilvoorde");
        await using var db = database.Open();
        var today = BelgianTime.Today(time);
        return new ParticipationWorld(database, time,
            (await WorkspaceResolver.LoadAsync(db, "23027", today, CancellationToken.None))!,
            (await WorkspaceResolver.LoadAsync(db, "23088", today, CancellationToken.None))!);
    }

    public PnxDb Open() => Database.Open();

    public async Task<long> AddNewcomerAsync(
        string dossier, WorkspaceMunicipality? workspace = null, InterestsAndNeeds interests = InterestsAndNeeds.SportAndExercise, DutchLevel? level = DutchLevel.A2)
    {
        await using var db = Open();
        var now = Time.GetUtcNow().UtcDateTime;
        var newcomer = new Newcomer
        {
            MunicipalityId = (workspace ?? Halle).Id, DossierNumber = dossier, FamilyName = "Familie " + dossier, GivenNames = "Voornaam",
            SearchName = NewcomerSearch.Of("Familie " + dossier, "Voornaam"), Interests = interests, DutchLevel = level,
            FirstSharedAt = now, LastConfirmedAt = now,
        };
        db.Newcomers.Add(newcomer);
        await db.SaveChangesAsync();
        return newcomer.Id;
    }

    public async Task<int> AddActivityAsync(string title, int? capacity = null, WorkspaceMunicipality? workspace = null, Action<Activity>? configure = null)
    {
        await using var db = Open();
        var now = Time.GetUtcNow().UtcDateTime;
        var activity = new Activity
        {
            MunicipalityId = (workspace ?? Halle).Id, Title = title, Organiser = "Sportdienst", Categories = InterestsAndNeeds.SportAndExercise,
            Capacity = capacity, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        configure?.Invoke(activity);
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return activity.Id;
    }

    /// <summary>An enrolment placed directly in <paramref name="status"/> (for the transition table), as if it got there earlier.</summary>
    public async Task<long> AddEnrolmentAsync(long newcomerId, int activityId, EnrolmentStatus status, double? hours = null)
    {
        await using var db = Open();
        var now = Time.GetUtcNow().UtcDateTime;
        var enrolment = new Enrolment
        {
            MunicipalityId = Halle.Id, NewcomerId = newcomerId, ActivityId = activityId, Status = status,
            Reason = status == EnrolmentStatus.Gestopt ? StopReason.Andere : null, Hours = hours,
            CreatedAt = now, CreatedBy = Actor, StatusAt = now, StatusBy = Actor, Version = 1,
        };
        db.Enrolments.Add(enrolment);
        await db.SaveChangesAsync();
        return enrolment.Id;
    }

    public async Task<EnrolmentOutcome> ProposeAsync(long newcomerId, int activityId, WorkspaceMunicipality? workspace = null)
    {
        await using var db = Open();
        return await Enrolling.ProposeAsync(db, Time, workspace ?? Halle, newcomerId, activityId, Actor, CancellationToken.None);
    }

    public async Task<EnrolmentOutcome> ChangeAsync(
        long enrolmentId, int version, EnrolmentStatus status, StopReason? reason = null, double? hours = null, string actor = Actor, WorkspaceMunicipality? workspace = null)
    {
        await using var db = Open();
        return await Enrolling.ChangeAsync(db, Time, workspace ?? Halle, enrolmentId, version, status, reason, hours, actor, CancellationToken.None);
    }

    public async Task<Enrolment> EnrolmentAsync(long id)
    {
        await using var db = Open();
        return await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    public async Task<List<EnrolmentStatusChange>> HistoryAsync(long enrolmentId)
    {
        await using var db = Open();
        return await db.EnrolmentStatusChanges.AsNoTracking().Where(c => c.EnrolmentId == enrolmentId).OrderBy(c => c.Id).ToListAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
