using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Activities;
using Pnx.Newcomers;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Newcomers;

/// <summary>Set-up for the case-work pages that the demo data do not hold: activities, a second case worker.</summary>
public static class CaseWorkWorld
{
    /// <summary>All eight categories, every need met, no minimum level or limit: it fits every newcomer.</summary>
    public static async Task<int> AddActivityAsync(TestWeb web, string nis, string title, Action<Activity>? configure = null)
    {
        await using var db = web.Database.Open();
        var municipalityId = await db.Municipalities.Where(m => m.NisCode == nis).Select(m => m.Id).SingleAsync();
        var activity = new Activity
        {
            MunicipalityId = municipalityId, Title = title, Organiser = "Vrijetijdsdienst",
            Categories = NewcomerLabels.Interests.Take(8).Aggregate(InterestsAndNeeds.None, (all, i) => all | i.Value),
            Childcare = true, FamilyActivity = true, Free = true, MinimumDutchLevel = DutchLevel.Geen,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = 1,
        };
        configure?.Invoke(activity);
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return activity.Id;
    }

    /// <summary>Removes the demo's enrolments, status changes and contact log of <paramref name="nis"/>, so a test states every row it counts.</summary>
    public static async Task ClearCaseWorkAsync(TestWeb web, string nis)
    {
        await using var db = web.Database.Open();
        var municipalityId = await db.Municipalities.Where(m => m.NisCode == nis).Select(m => m.Id).SingleAsync();
        await db.EnrolmentStatusChanges.Where(c => c.MunicipalityId == municipalityId).ExecuteDeleteAsync();
        await db.Enrolments.Where(e => e.MunicipalityId == municipalityId).ExecuteDeleteAsync();
        await db.ContactLog.Where(c => c.MunicipalityId == municipalityId).ExecuteDeleteAsync();
    }

    public static async Task<string> UserIdAsync(TestWeb web, Role role, string nis)
    {
        await using var db = web.Database.Open();
        var email = web.Account(role, nis).Email;
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A colleague with an active case-worker grant in <paramref name="nis"/> (made directly: the grant rules have their own tests).</summary>
    public static async Task<string> AddCaseWorkerAsync(TestWeb web, string nis, string name, string email)
    {
        await using var db = web.Database.Open();
        var profile = await db.FunctionProfiles.Where(p => p.Municipality!.NisCode == nis && p.Role == Role.MunicipalCaseWorker).FirstAsync();
        var user = new PnxUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = name, CreatedAt = DateTime.UtcNow, EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(user);
        var now = DateTime.UtcNow;
        db.Grants.Add(new Grant
        {
            UserId = user.Id, Role = Role.MunicipalCaseWorker, MunicipalityId = profile.MunicipalityId, FunctionProfileId = profile.Id,
            RequestedAt = now, ApprovedAt = now, ExpiresAt = now.AddMonths(12),
        });
        await db.SaveChangesAsync();
        return user.Id;
    }
}
