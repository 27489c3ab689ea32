using Pnx.Hosting;
using Pnx.Access.Web;
using Microsoft.EntityFrameworkCore;
using Pnx.Activities;
using Pnx.Enrolments;
using Pnx.Municipalities;
using Pnx.Newcomers;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Trajectories;

/// <summary>Activities and enrolments for participation tests, through the real write path (<see cref="Enrolling"/>).</summary>
public static class ParticipationWorld
{
    public static async Task<long> AddNewcomerAsync(TestDatabase database, string nis, string dossier, string familyName = "Peeters", string givenNames = "An")
    {
        await using var db = database.Open();
        var municipalityId = await db.Municipalities.Where(m => m.NisCode == nis).Select(m => m.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var newcomer = new Newcomer
        {
            MunicipalityId = municipalityId, DossierNumber = dossier, FamilyName = familyName, GivenNames = givenNames,
            SearchName = NewcomerSearch.Of(familyName, givenNames), FirstSharedAt = now, LastConfirmedAt = now,
        };
        db.Newcomers.Add(newcomer);
        await db.SaveChangesAsync();
        return newcomer.Id;
    }

    public static async Task<int> AddActivityAsync(TestDatabase database, string nis, string title, Action<Activity>? configure = null)
    {
        await using var db = database.Open();
        var municipalityId = await db.Municipalities.Where(m => m.NisCode == nis).Select(m => m.Id).SingleAsync();
        var activity = new Activity
        {
            MunicipalityId = municipalityId, Title = title, Organiser = "Vrijetijdsdienst " + nis, ContactPerson = "Els Wouters",
            ContactEmail = "els.wouters@example.invalid", ContactPhone = "+3223659900", Address = "Markt 1", PostalCode = "1500", City = "Halle",
            Categories = InterestsAndNeeds.SportAndExercise, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = 1,
        };
        configure?.Invoke(activity);
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return activity.Id;
    }

    public static async Task<WorkspaceMunicipality> WorkspaceAsync(TestDatabase database, string nis)
    {
        await using var db = database.Open();
        return (await WorkspaceResolver.LoadAsync(db, nis, BelgianTime.Today(TimeProvider.System), CancellationToken.None))!;
    }

    /// <summary>Proposes the activity and walks the given steps, each through <see cref="Enrolling.ChangeAsync"/>; returns the enrolment id.</summary>
    public static async Task<long> EnrolAsync(
        TestDatabase database, TimeProvider time, string nis, long newcomerId, int activityId, params (EnrolmentStatus Status, StopReason? Reason, double? Hours)[] steps)
    {
        var workspace = await WorkspaceAsync(database, nis);
        await using var db = database.Open();
        var proposed = await Enrolling.ProposeAsync(db, time, workspace, newcomerId, activityId, "test:case-worker", CancellationToken.None);
        Assert.True(proposed.Succeeded, proposed.Message);
        var enrolment = proposed.Enrolment!;
        foreach (var (status, reason, hours) in steps)
        {
            var changed = await Enrolling.ChangeAsync(db, time, workspace, enrolment.Id, enrolment.Version, status, reason, hours, "test:case-worker", CancellationToken.None);
            Assert.True(changed.Succeeded, changed.Message);
            enrolment = changed.Enrolment!;
        }

        return enrolment.Id;
    }

    public static async Task<Enrolment> EnrolmentAsync(TestDatabase database, long id)
    {
        await using var db = database.Open();
        return await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == id);
    }
}
