using Pnx.Access.Web;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Activity = Pnx.Activities.Activity;
using Pnx.Data;
using Pnx.Enrolments;
using Pnx.Hosting;
using Pnx.Matching;
using Pnx.Municipalities;
using Pnx.Newcomers;
using Pnx.Newcomers.Pages;

namespace Pnx.Benchmarks;

/// <summary>
/// Issue 7's matching benchmark: one municipality of 5,000 newcomers against 500 activities (2,000 enrolments taking
/// places). (1) every newcomer ranked, from the two queries to the last ranking; (2) one newcomer as the page does
/// it, each time on a fresh context: the newcomer, the open enrolments, the activities with places taken, the
/// ranking; and the page's whole case file; (3) one activity's candidates as the candidates page does it.
/// </summary>
internal static class MatchingBenchmark
{
    private const int Newcomers = 5_000;
    private const int ActivityCount = 500;
    private const int PageSamples = 200;
    private static readonly TimeProvider Time = TimeProvider.System;

    public static async Task RunAsync(string? postgresBase, TextWriter output)
    {
        output.WriteLine($"matching benchmark: {Newcomers:N0} newcomers × {ActivityCount} activities, one municipality");
        foreach (var engine in postgresBase is null ? new[] { "sqlite" } : ["sqlite", "postgres"])
        {
            var (settings, municipalityId) = await BenchDatabases.CreateAsync(engine == "postgres" ? postgresBase : null);
            var ids = await SeedAsync(settings, municipalityId);
            WorkspaceMunicipality workspace;
            await using (var db = PnxDbFactory.Create(settings))
            {
                workspace = (await WorkspaceResolver.LoadAsync(db, "23027", BelgianTime.Today(Time), default))!;
            }

            await AllNewcomersAsync(engine, settings, workspace, output);
            await OneNewcomerAsync(engine, settings, workspace, ids, output);
            await CandidatesAsync(engine, settings, workspace, output);
        }
    }

    private static async Task AllNewcomersAsync(string engine, PnxSettings settings, WorkspaceMunicipality workspace, TextWriter output)
    {
        (double Load, double Rank, long Matches) last = default;
        var times = new List<double>();
        for (var run = 0; run < 4; run++)
        {
            var watch = Stopwatch.StartNew();
            await using var db = PnxDbFactory.Create(settings);
            var activities = await MatchingQueries.ActivitiesAsync(db, workspace.Id, default);
            var open = (await MatchingQueries.Open(db.Enrolments.AsNoTracking()).Select(e => new { e.NewcomerId, e.ActivityId }).ToListAsync())
                .ToLookup(e => e.NewcomerId, e => e.ActivityId);
            var profiles = await CurrentNewcomers.Of(db, workspace.Retention).AsNoTracking()
                .Select(n => new { n.Id, Profile = new MatchProfile(n.Interests, n.DutchLevel, n.ContactLanguage) }).ToListAsync();
            var load = watch.Elapsed.TotalMilliseconds;
            var today = BelgianTime.Today(Time);
            long matches = 0;
            foreach (var newcomer in profiles)
            {
                var taken = open[newcomer.Id].ToHashSet();
                matches += Matcher.Rank(newcomer.Profile, activities.Where(a => !taken.Contains(a.Id)), today, LanguageNames.Name).Count;
            }

            var total = watch.Elapsed.TotalMilliseconds;
            if (run == 0) continue; // warm-up
            times.Add(total);
            last = (load, total - load, matches);
        }

        var median = Median(times);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine,-9} all newcomers: {median,8:0.0} ms (queries {last.Load:0.0} ms, ranking {last.Rank:0.0} ms), {median * 1000 / Newcomers:0.0} µs per newcomer, {(double)last.Matches / Newcomers:0.0} matches per newcomer"));
    }

    private static async Task OneNewcomerAsync(string engine, PnxSettings settings, WorkspaceMunicipality workspace, IReadOnlyList<long> ids, TextWriter output)
    {
        var random = new Random(7);
        var matching = new List<double>();
        var caseFile = new List<double>();
        for (var i = 0; i < PageSamples + 20; i++)
        {
            var id = ids[random.Next(ids.Count)];
            var watch = Stopwatch.StartNew();
            await using (var db = PnxDbFactory.Create(settings))
            {
                var newcomer = await CurrentNewcomers.Of(db, workspace.Retention).AsNoTracking().SingleAsync(n => n.Id == id);
                var open = await MatchingQueries.OpenEnrolmentActivitiesAsync(db, id, default);
                var activities = await MatchingQueries.ActivitiesAsync(db, workspace.Id, default);
                _ = Matcher.Rank(MatchingQueries.Profile(newcomer), activities.Where(a => !open.Contains(a.Id)), BelgianTime.Today(Time), LanguageNames.Name);
            }

            var matchingMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            await using (var db = PnxDbFactory.Create(settings))
            {
                _ = await NewcomerCaseFile.LoadAsync(db, Time, workspace, id, default) ?? throw new InvalidOperationException("not a current newcomer");
            }

            if (i < 20) continue; // warm-up
            matching.Add(matchingMs);
            caseFile.Add(watch.Elapsed.TotalMilliseconds);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine,-9} one newcomer (queries + ranking, fresh context): median {Median(matching):0.00} ms, p95 {Percentile(matching, 0.95):0.00} ms over {PageSamples} newcomers"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine,-9} one newcomer with the whole case file (matches, enrolments, contacts, assignment): median {Median(caseFile):0.00} ms, p95 {Percentile(caseFile, 0.95):0.00} ms"));
    }

    private static async Task CandidatesAsync(string engine, PnxSettings settings, WorkspaceMunicipality workspace, TextWriter output)
    {
        var times = new List<double>();
        var random = new Random(11);
        await using (var db = PnxDbFactory.Create(settings))
        {
            var activityIds = await db.Activities.Select(a => a.Id).ToListAsync();
            for (var i = 0; i < 60; i++)
            {
                var id = activityIds[random.Next(activityIds.Count)];
                var watch = Stopwatch.StartNew();
                await using var page = PnxDbFactory.Create(settings);
                var activity = await MatchingQueries.ActivityAsync(page, workspace.Id, id, default);
                _ = Matcher.RankCandidates(activity!, await MatchingQueries.CandidatesAsync(page, workspace.Retention, id, default), BelgianTime.Today(Time), LanguageNames.Name);
                if (i >= 10) times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine,-9} one activity's candidates among {Newcomers:N0} newcomers (queries + ranking): median {Median(times):0.00} ms, p95 {Percentile(times, 0.95):0.00} ms"));
    }

    /// <summary>Newcomers, activities and enrolments drawn from a fixed seed, in proportions a municipality might have.</summary>
    private static async Task<IReadOnlyList<long>> SeedAsync(PnxSettings settings, int municipalityId)
    {
        var random = new Random(42);
        string[] languages = ["ar", "uk", "prs", "ti", "so", "fr", "en", "tr", "ru", "ps"];
        var now = DateTime.UtcNow;
        var today = BelgianTime.Today(Time);
        await using var db = PnxDbFactory.Create(settings);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var newcomers = Enumerable.Range(0, Newcomers).Select(i => new Newcomer
        {
            MunicipalityId = municipalityId, DossierNumber = $"B-{i:D6}", FamilyName = "Naam" + i, GivenNames = "Voornaam",
            Interests = Interests(random), DutchLevel = Level(random),
            ContactLanguage = random.Next(5) == 0 ? null : languages[random.Next(languages.Length)], FirstSharedAt = now, LastConfirmedAt = now,
        }).ToList();
        db.Newcomers.AddRange(newcomers);
        var activities = Enumerable.Range(0, ActivityCount).Select(i => new Activity
        {
            MunicipalityId = municipalityId, Title = $"Activiteit {i:D3}", Organiser = "Vereniging " + (i % 40),
            Categories = (InterestsAndNeeds)(1 << (1 + random.Next(8))) | (InterestsAndNeeds)(random.Next(3) == 0 ? 1 << (1 + random.Next(8)) : 0),
            Free = random.Next(10) < 6, Childcare = random.Next(10) < 3, FamilyActivity = random.Next(10) < 2,
            MinimumDutchLevel = (DutchLevel)random.Next(4), Languages = random.Next(3) == 0 ? languages[random.Next(languages.Length)] : null,
            Capacity = random.Next(3) == 0 ? 10 + random.Next(20) : null,
            From = random.Next(5) == 0 ? today.AddDays(random.Next(-60, 30)) : null, To = random.Next(5) == 0 ? today.AddDays(random.Next(-10, 120)) : null,
            DeactivatedAt = random.Next(20) == 0 ? now : null, CreatedAt = now, UpdatedAt = now, Version = 1,
        }).ToList();
        db.Activities.AddRange(activities);
        await db.SaveChangesAsync();
        EnrolmentStatus[] statuses = [EnrolmentStatus.Voorgesteld, EnrolmentStatus.Aangemeld, EnrolmentStatus.Gestart, EnrolmentStatus.Afgerond];
        db.Enrolments.AddRange(Enumerable.Range(0, 2_000).Select(_ => new Enrolment
        {
            MunicipalityId = municipalityId, NewcomerId = newcomers[random.Next(newcomers.Count)].Id, ActivityId = activities[random.Next(activities.Count)].Id,
            Status = statuses[random.Next(statuses.Length)], CreatedAt = now, CreatedBy = "bench", StatusAt = now, StatusBy = "bench", Version = 1,
        }));
        await db.SaveChangesAsync();
        return newcomers.Select(n => n.Id).ToList();
    }

    private static InterestsAndNeeds Interests(Random random)
    {
        if (random.Next(10) == 0) return InterestsAndNeeds.Geen;
        var interests = InterestsAndNeeds.None;
        for (var i = 0; i < 1 + random.Next(3); i++) interests |= (InterestsAndNeeds)(1 << (1 + random.Next(8)));
        if (random.Next(100) < 15) interests |= InterestsAndNeeds.NeedsChildcare;
        if (random.Next(100) < 10) interests |= InterestsAndNeeds.NeedsFamilyActivity;
        if (random.Next(100) < 25) interests |= InterestsAndNeeds.NeedsFreeActivity;
        return interests;
    }

    /// <summary>One in eight unknown, the rest spread over geen … C2.</summary>
    private static DutchLevel? Level(Random random) => random.Next(8) is var value && value == 7 ? null : (DutchLevel)value;

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Round(p * (sorted.Count - 1)))];
    }
}
