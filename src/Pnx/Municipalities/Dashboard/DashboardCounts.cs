using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Newcomers;
using Pnx.Newcomers.Pages;
using Pnx.Retention;

namespace Pnx.Municipalities.Dashboard;

/// <summary>One line of a count table.</summary>
public sealed record CountLine(string Label, int Count);

/// <summary>Aggregates of one municipality's current newcomers: counts only, never a name or a dossier number.</summary>
public sealed record DashboardCounts(
    int Total,
    IReadOnlyList<CountLine> Interests,
    IReadOnlyList<CountLine> Levels,
    IReadOnlyList<CountLine> Statuses,
    IReadOnlyList<CountLine> Languages,
    int RetentionEndingSoon)
{
    public const int RetentionHorizonDays = 30;
    public const int TopLanguages = 10;

    public static async Task<DashboardCounts> LoadAsync(PnxDb db, RetentionCutoff cutoff, string unknown, string other, CancellationToken ct)
    {
        var current = NewcomerListQuery.Current(db, cutoff);
        var today = cutoff.Today;
        var total = await current.CountAsync(ct);

        // One small column per newcomer: counting set bits here is simpler than twelve SQL counts.
        var sets = await current.Select(n => n.Interests).ToListAsync(ct);
        var interests = NewcomerFilter.InterestChoices
            .Select(i => new CountLine(i.Label, sets.Count(s => s.HasFlag(i.Value))))
            .Append(new CountLine(unknown, sets.Count(s => s == InterestsAndNeeds.None)))
            .ToList();

        var levels = await current.GroupBy(n => n.DutchLevel).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var levelLines = Enum.GetValues<DutchLevel>()
            .Select(l => new CountLine(l.Label(), levels.Where(x => x.Key == l).Sum(x => x.Count)))
            .Append(new CountLine(unknown, levels.Where(x => x.Key == null).Sum(x => x.Count)))
            .ToList();

        var statuses = await current.GroupBy(n => n.CivicOrientationStatus).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var statusLines = NewcomerLabels.CivicOrientation.OrderBy(s => s.Key)
            .Select(s => new CountLine(s.Value, statuses.Where(x => x.Key == s.Key).Sum(x => x.Count)))
            .Append(new CountLine(unknown, statuses.Where(x => x.Key == null).Sum(x => x.Count)))
            .ToList();

        var languages = await current.GroupBy(n => n.ContactLanguage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var known = languages.Where(l => l.Key != null).OrderByDescending(l => l.Count).ThenBy(l => l.Key, StringComparer.Ordinal).ToList();
        var languageLines = known.Take(TopLanguages).Select(l => new CountLine(LanguageNames.Dutch(l.Key), l.Count)).ToList();
        if (known.Count > TopLanguages) languageLines.Add(new CountLine(other, known.Skip(TopLanguages).Sum(l => l.Count)));
        var unknownLanguages = languages.Where(l => l.Key == null).Sum(l => l.Count);
        if (unknownLanguages > 0) languageLines.Add(new CountLine(unknown, unknownLanguages));

        // Retention ends on LastDay(certificate); "soon" is a last day from today up to 30 days ahead.
        var from = RetentionRules.EndedOnOrBefore(today).AddDays(1);
        var to = RetentionRules.EndedOnOrBefore(today.AddDays(RetentionHorizonDays + 1));
        var ending = await current.CountAsync(n => n.CertificateDate != null && n.CertificateDate >= from && n.CertificateDate <= to, ct);

        return new DashboardCounts(total, interests, levelLines, statusLines, languageLines, ending);
    }
}
