using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Enrolments;
using Pnx.Matching;
using Pnx.Municipalities;
using Pnx.Newcomers;
using Pnx.Retention;

namespace Pnx.Demo;

/// <summary>
/// A modest set of enrolments for the demo, in every status of contract §7: each newcomer gets the activity that
/// matching ranks first for them (so no hard rule is broken, capacity included), and each status is reached step by
/// step through the allowed order, every step recorded as a reported status change.
/// </summary>
internal static class DemoEnrolments
{
    private const int PerMunicipality = 18;

    private const string DemoAccountsActor = Access.DemoAccounts.Actor;

    private sealed record Step(EnrolmentStatus Status, StopReason? Reason = null, double? Hours = null);

    /// <summary>The paths the demo shows, cycled over the newcomers.</summary>
    private static readonly Step[][] Paths =
    [
        [new(EnrolmentStatus.Voorgesteld)],
        [new(EnrolmentStatus.Voorgesteld), new(EnrolmentStatus.Aangemeld)],
        [new(EnrolmentStatus.Voorgesteld), new(EnrolmentStatus.Aangemeld), new(EnrolmentStatus.Gestart, Hours: 6)],
        [new(EnrolmentStatus.Voorgesteld), new(EnrolmentStatus.Aangemeld), new(EnrolmentStatus.Gestart, Hours: 4), new(EnrolmentStatus.Afgerond, Hours: 22.5)],
        [new(EnrolmentStatus.Voorgesteld), new(EnrolmentStatus.Gestart, Hours: 2), new(EnrolmentStatus.Gestopt, StopReason.Werk, 7.5)],
        [new(EnrolmentStatus.Voorgesteld), new(EnrolmentStatus.NietGestart)],
        [new(EnrolmentStatus.Voorgesteld), new(EnrolmentStatus.Aangemeld), new(EnrolmentStatus.Gestart, Hours: 12.5)],
        [new(EnrolmentStatus.Voorgesteld), new(EnrolmentStatus.Aangemeld), new(EnrolmentStatus.Afgerond, Hours: 40)],
    ];

    /// <summary>Adds the enrolments of one municipality's newcomers; returns their dossier numbers for the audit entry.</summary>
    public static async Task<IReadOnlyList<string>> AddAsync(PnxDb db, Municipality municipality, DateOnly today, DateTime now, CancellationToken ct)
    {
        var activities = (await MatchingQueries.ActivitiesAsync(db, municipality.Id, ct)).ToList();
        var taken = activities.ToDictionary(a => a.Id, _ => 0);
        var newcomers = await CurrentNewcomers.Of(db, await RetentionCutoff.ForAsync(db, municipality.Id, today, ct)).AsNoTracking()
            .Where(n => n.Interests != InterestsAndNeeds.None && n.Interests != InterestsAndNeeds.Geen)
            .OrderBy(n => n.Id).Take(PerMunicipality * 3).ToListAsync(ct);

        var made = new List<(Enrolment Enrolment, string Dossier, Step[] Path)>();
        foreach (var newcomer in newcomers)
        {
            if (made.Count == PerMunicipality) break;
            var path = Paths[made.Count % Paths.Length];
            var fits = activities.Select(a => a with { Taken = taken[a.Id] });
            if (Matcher.Rank(MatchingQueries.Profile(newcomer), fits, today, code => code) is not [var best, ..]) continue;
            var start = now.AddDays(-(7 * (path.Length + 1)) - (made.Count % 5));
            var enrolment = new Enrolment
            {
                MunicipalityId = municipality.Id, NewcomerId = newcomer.Id, ActivityId = best.ActivityId,
                Status = path[^1].Status, Reason = path[^1].Reason, Hours = path.LastOrDefault(s => s.Hours is not null)?.Hours,
                CreatedAt = start, CreatedBy = DemoAccountsActor, StatusAt = start.AddDays(7 * (path.Length - 1)), StatusBy = DemoAccountsActor,
                Version = path.Length,
            };
            if (EnrolmentRules.TakesAPlace(enrolment.Status)) taken[best.ActivityId]++;
            made.Add((enrolment, newcomer.DossierNumber, path));
        }

        db.Enrolments.AddRange(made.Select(m => m.Enrolment));
        await db.SaveChangesAsync(ct);
        foreach (var (enrolment, dossier, path) in made)
        {
            var previous = (Step?)null;
            for (var i = 0; i < path.Length; i++)
            {
                var step = path[i];
                if (previous is not null && EnrolmentRules.Check(previous.Status, step.Status, step.Reason, step.Hours) is { } refusal)
                    throw new InvalidOperationException($"Demo path breaks the status order: {refusal}");
                db.EnrolmentStatusChanges.Add(new EnrolmentStatusChange
                {
                    EnrolmentId = enrolment.Id, MunicipalityId = municipality.Id, MunicipalityNis = municipality.NisCode, DossierNumber = dossier,
                    ActivityId = enrolment.ActivityId, Status = step.Status, Reason = step.Reason, Hours = step.Hours,
                    At = enrolment.CreatedAt.AddDays(7 * i), Actor = DemoAccountsActor,
                });
                previous = step;
            }
        }

        await db.SaveChangesAsync(ct);
        return made.Select(m => m.Dossier).Order(StringComparer.Ordinal).ToList();
    }
}
