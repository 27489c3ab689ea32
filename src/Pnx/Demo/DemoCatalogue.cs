using System.Globalization;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Pnx.Activities;
using Pnx.Audit;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Enrolments;
using Pnx.Matching;
using Pnx.Municipalities;

namespace Pnx.Demo;

/// <summary>
/// `pnx serve --demo`: an activity catalogue for each demo municipality (a few activities of Halle and Vilvoorde
/// shared with each other) and a modest set of enrolments in every status, when the catalogue is empty. One
/// transaction, with the enrolments' status history as the rules of contract §7 allow it.
/// </summary>
public static class DemoCatalogue
{
    /// <summary>Halle and Vilvoorde share part of their offer (intermunicipal cooperation).</summary>
    private static readonly (string Owner, string Partner, int[] Templates)[] Shares = [("23027", "23088", [0, 6, 16]), ("23088", "23027", [3, 20])];

    public static async Task EnsureAsync(CliContext context, CancellationToken ct)
    {
        await using var db = await context.OpenDatabaseAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Activities.AnyAsync(ct)) return;
        var codes = DemoMunicipality.All.Select(d => d.NisCode).ToList();
        var municipalities = await db.Municipalities.Where(m => codes.Contains(m.NisCode)).ToDictionaryAsync(m => m.NisCode, ct);
        if (municipalities.Count == 0) return;

        var now = context.Time.GetUtcNow().UtcDateTime;
        var today = context.Today;
        var activities = new List<Activity>();
        foreach (var demo in DemoMunicipality.All.Where(d => municipalities.ContainsKey(d.NisCode)))
        {
            activities.AddRange(DemoActivities(demo, municipalities, today, now));
        }

        db.Activities.AddRange(activities);
        await db.SaveChangesAsync(ct);

        var records = new List<AuditRecord>();
        var enrolled = 0;
        foreach (var municipality in municipalities.Values.OrderBy(m => m.NisCode, StringComparer.Ordinal))
        {
            var dossiers = await DemoEnrolments.AddAsync(db, municipality, today, now, ct);
            enrolled += dossiers.Count;
            records.Add(new AuditRecord(context.Actor, "activity.demo-seed", municipality.NisCode, [], AuditPurposes.Steering,
                string.Create(CultureInfo.InvariantCulture, $"synthetic demo catalogue: {activities.Count(a => a.MunicipalityId == municipality.Id)} activities")));
            if (dossiers.Count > 0)
            {
                records.Add(new AuditRecord(context.Actor, "enrolment.demo-seed", municipality.NisCode, dossiers, AuditPurposes.Steering,
                    string.Create(CultureInfo.InvariantCulture, $"synthetic demo enrolments: {dossiers.Count}")));
            }
        }

        await AuditTrail.AppendAsync(db, context.Time, records, ct);
        await transaction.CommitAsync(ct);
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"demo catalogue: {activities.Count} activities, {enrolled} enrolments"));
    }

    private static IEnumerable<Activity> DemoActivities(DemoMunicipality demo, Dictionary<string, Municipality> municipalities, DateOnly today, DateTime now)
    {
        var faker = new Faker("nl_BE") { Random = new Randomizer(demo.Seed + 7) };
        var owner = municipalities[demo.NisCode];
        var templates = DemoActivityTemplates.All;
        // Every municipality gets most of the templates, in its own order; Halle's first activity is its buddy project.
        var count = 25 + (demo.Seed % 10);
        var chosen = Enumerable.Range(0, templates.Length).Take(1)
            .Concat(faker.Random.Shuffle(Enumerable.Range(1, templates.Length - 1))).Take(count).ToList();
        foreach (var index in chosen)
        {
            var t = templates[index];
            var slug = new string(t.Organiser.Replace("{0}", demo.Name, StringComparison.Ordinal).ToLowerInvariant().Where(char.IsAsciiLetter).ToArray());
            var activity = new Activity
            {
                MunicipalityId = owner.Id,
                Title = string.Format(CultureInfo.InvariantCulture, t.Title, demo.Name),
                Description = string.Format(CultureInfo.InvariantCulture, t.Description, demo.Name),
                Organiser = string.Format(CultureInfo.InvariantCulture, t.Organiser, demo.Name),
                ContactPerson = faker.Name.FirstName() + " " + faker.Name.LastName(),
                ContactEmail = faker.Random.Bool(0.8f) ? $"info@{slug}.demo.invalid" : null,
                ContactPhone = faker.Random.Bool(0.7f) ? "+3224" + faker.Random.Number(100000, 999999).ToString(CultureInfo.InvariantCulture) : null,
                Address = faker.PickRandom(demo.Streets) + " " + faker.Random.Number(1, 120).ToString(CultureInfo.InvariantCulture),
                PostalCode = demo.PostalCode,
                City = demo.Name,
                Categories = t.Categories,
                Childcare = t.Childcare,
                FamilyActivity = t.Family,
                Free = t.Free,
                MinimumDutchLevel = t.Level,
                Languages = t.Languages,
                Capacity = t.Capacity,
                Hours = t.Hours,
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            };
            // The flagship buddy project runs all year; the others get varied periods.
            if (index != 0) SetPeriod(activity, faker, today);
            foreach (var (ownerNis, partnerNis, shared) in Shares)
            {
                if (ownerNis == demo.NisCode && shared.Contains(index) && municipalities.TryGetValue(partnerNis, out var partner))
                    activity.SharedWith.Add(new ActivityShare { MunicipalityId = partner.Id });
            }

            yield return activity;
        }
    }

    /// <summary>Most run now or have no end; a few ended, start later, or were deactivated, so the filters have something to show.</summary>
    private static void SetPeriod(Activity activity, Faker faker, DateOnly today)
    {
        var roll = faker.Random.Number(1, 100);
        if (roll <= 45) return;
        if (roll <= 75)
        {
            activity.From = today.AddDays(-faker.Random.Number(10, 200));
            activity.To = today.AddDays(faker.Random.Number(30, 300));
        }
        else if (roll <= 85)
        {
            activity.From = today.AddDays(-faker.Random.Number(200, 400));
            activity.To = today.AddDays(-faker.Random.Number(5, 100));
        }
        else if (roll <= 93)
        {
            activity.From = today.AddDays(faker.Random.Number(10, 90));
            activity.To = activity.From.Value.AddDays(faker.Random.Number(30, 180));
        }
        else
        {
            activity.DeactivatedAt = activity.CreatedAt;
        }
    }
}
