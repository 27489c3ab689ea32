using Pnx.Newcomers;

namespace Pnx.Matching;

/// <summary>What matching needs to know about a newcomer: nothing more than the protocol's integration data.</summary>
public sealed record MatchProfile(InterestsAndNeeds Interests, DutchLevel? DutchLevel, string? ContactLanguage);

/// <summary>What matching needs to know about an activity, with the places taken (enrolments aangemeld or gestart).</summary>
public sealed record MatchActivity(
    int Id, string Title, bool Own, InterestsAndNeeds Categories, bool Childcare, bool FamilyActivity, bool Free,
    DutchLevel MinimumDutchLevel, string? Languages, int? Capacity, int Taken, DateOnly? From, DateOnly? To, bool Deactivated);

/// <summary>An activity that passes every hard rule, its score and the reasons in plain Dutch.</summary>
public sealed record Match(int ActivityId, string Title, int Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Explainable, deterministic matching (see README.md): hard rules first, never broken, then a score whose
/// every point comes with a reason a case worker can read.
/// </summary>
public static class Matcher
{
    public const int PerInterest = 10;
    public const int PerNeedMet = 5;
    public const int ForLanguage = 4;
    public const int ForOwnMunicipality = 1;

    private const InterestsAndNeeds Needs =
        InterestsAndNeeds.NeedsChildcare | InterestsAndNeeds.NeedsFamilyActivity | InterestsAndNeeds.NeedsFreeActivity;

    /// <summary>The activities that pass the hard rules, best first (score, then title, then id).</summary>
    public static IReadOnlyList<Match> Rank(MatchProfile newcomer, IEnumerable<MatchActivity> activities, DateOnly today, Func<string, string> languageName) =>
        activities.Select(a => Evaluate(newcomer, a, today, languageName)).OfType<Match>()
            .OrderByDescending(m => m.Score).ThenBy(m => m.Title, StringComparer.Ordinal).ThenBy(m => m.ActivityId).ToList();

    /// <summary>Null when a hard rule excludes the activity for this newcomer.</summary>
    public static Match? Evaluate(MatchProfile newcomer, MatchActivity activity, DateOnly today, Func<string, string> languageName)
    {
        if (!PassesHardRules(newcomer, activity, today)) return null;
        var reasons = new List<string>();
        var score = 0;
        var shared = NewcomerLabels.Interests.Where(i => (i.Value & ~Needs & newcomer.Interests & activity.Categories) != 0).Select(i => i.Label).ToList();
        if (shared.Count > 0)
        {
            score += PerInterest * shared.Count;
            reasons.Add("sluit aan bij: " + string.Join(", ", shared));
        }

        if (activity.Free)
        {
            if (newcomer.Interests.HasFlag(InterestsAndNeeds.NeedsFreeActivity)) score += PerNeedMet;
            reasons.Add("gratis");
        }

        if (activity.Childcare)
        {
            if (newcomer.Interests.HasFlag(InterestsAndNeeds.NeedsChildcare)) score += PerNeedMet;
            reasons.Add("kinderopvang voorzien");
        }

        if (activity.FamilyActivity)
        {
            if (newcomer.Interests.HasFlag(InterestsAndNeeds.NeedsFamilyActivity)) score += PerNeedMet;
            reasons.Add("gezinsactiviteit");
        }

        if (newcomer.ContactLanguage is { Length: > 0 } language && SupportsLanguage(activity.Languages, language))
        {
            score += ForLanguage;
            reasons.Add("ondersteuning in het " + languageName(language));
        }

        if (activity.Own)
        {
            score += ForOwnMunicipality;
        }
        else
        {
            reasons.Add("aanbod van een partnergemeente");
        }

        return new Match(activity.Id, activity.Title, score, reasons);
    }

    /// <summary>
    /// The rules no score can buy: active on the day (not deactivated, within Van–Tot), not full, a minimum Dutch
    /// level the newcomer has (unknown level: only activities asking none), and every stated need met.
    /// </summary>
    public static bool PassesHardRules(MatchProfile newcomer, MatchActivity activity, DateOnly today)
    {
        if (activity.Deactivated) return false;
        if (activity.From is { } from && today < from) return false;
        if (activity.To is { } to && today > to) return false;
        if (activity.Capacity is { } capacity && activity.Taken >= capacity) return false;
        var level = newcomer.DutchLevel ?? DutchLevel.Geen;
        if (newcomer.DutchLevel is null && activity.MinimumDutchLevel != DutchLevel.Geen) return false;
        if (activity.MinimumDutchLevel > level) return false;
        if (newcomer.Interests.HasFlag(InterestsAndNeeds.NeedsChildcare) && !activity.Childcare) return false;
        if (newcomer.Interests.HasFlag(InterestsAndNeeds.NeedsFamilyActivity) && !activity.FamilyActivity) return false;
        if (newcomer.Interests.HasFlag(InterestsAndNeeds.NeedsFreeActivity) && !activity.Free) return false;
        return true;
    }

    private static bool SupportsLanguage(string? languages, string language)
    {
        foreach (var code in (languages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (string.Equals(code, language, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }
}
