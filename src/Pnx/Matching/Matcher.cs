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

/// <summary>A newcomer who fits an activity, for proactive outreach from the activity's side.</summary>
public sealed record Candidate(long NewcomerId, string DossierNumber, string? FamilyName, string? GivenNames, int Score, IReadOnlyList<string> Reasons);

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

    /// <summary>The reason of an own activity that shares nothing else with the newcomer: no match is listed without one.</summary>
    public const string OwnOfferOnly = "aanbod van de eigen gemeente (geen gedeelde interesse)";

    private const InterestsAndNeeds Needs =
        InterestsAndNeeds.NeedsChildcare | InterestsAndNeeds.NeedsFamilyActivity | InterestsAndNeeds.NeedsFreeActivity;

    /// <summary>The activities that pass the hard rules, best first: score, then title (ordinal, ignoring case), then id.</summary>
    public static IReadOnlyList<Match> Rank(MatchProfile newcomer, IEnumerable<MatchActivity> activities, DateOnly today, Func<string, string> languageName) =>
        activities.Select(a => Evaluate(newcomer, a, today, languageName)).OfType<Match>()
            .OrderByDescending(m => m.Score).ThenBy(m => m.Title, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.ActivityId).ToList();

    /// <summary>The newcomers for whom <paramref name="activity"/> passes the hard rules, best first: score, then dossier number, then id.</summary>
    public static IReadOnlyList<Candidate> RankCandidates(MatchActivity activity, IEnumerable<CandidateNewcomer> newcomers, DateOnly today, Func<string, string> languageName) =>
        newcomers.Select(n => (Newcomer: n, Match: Evaluate(n.Profile, activity, today, languageName)))
            .Where(x => x.Match is not null)
            .Select(x => new Candidate(x.Newcomer.Id, x.Newcomer.DossierNumber, x.Newcomer.FamilyName, x.Newcomer.GivenNames, x.Match!.Score, x.Match.Reasons))
            .OrderByDescending(c => c.Score).ThenBy(c => c.DossierNumber, StringComparer.Ordinal).ThenBy(c => c.NewcomerId).ToList();

    /// <summary>Null when a hard rule excludes the activity for this newcomer.</summary>
    public static Match? Evaluate(MatchProfile newcomer, MatchActivity activity, DateOnly today, Func<string, string> languageName)
    {
        if (!PassesHardRules(newcomer, activity, today)) return null;
        var reasons = new List<string>(4);
        var score = 0;
        var shared = newcomer.Interests & activity.Categories & ~Needs & ~InterestsAndNeeds.Geen;
        if (shared != InterestsAndNeeds.None)
        {
            var labels = new List<string>(2);
            foreach (var (value, label) in NewcomerLabels.Interests)
            {
                if ((shared & value) != 0) labels.Add(label);
            }

            score += PerInterest * labels.Count;
            reasons.Add("sluit aan bij: " + string.Join(", ", labels));
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
            if (reasons.Count == 0) reasons.Add(OwnOfferOnly);
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
    public static bool PassesHardRules(MatchProfile newcomer, MatchActivity activity, DateOnly today) =>
        IsOpen(activity, today) && FitsLevel(newcomer.DutchLevel, activity.MinimumDutchLevel) && MeetsNeeds(newcomer.Interests, activity);

    /// <summary>The activity's own hard rules, whoever the newcomer: not deactivated, within Van–Tot, a place left.</summary>
    public static bool IsOpen(MatchActivity activity, DateOnly today) =>
        Activities.Activity.IsActiveOn(activity.Deactivated, activity.From, activity.To, today)
        && (activity.Capacity is not { } capacity || activity.Taken < capacity);

    /// <summary>Never above the newcomer's level; an unknown level only fits activities that ask none.</summary>
    public static bool FitsLevel(DutchLevel? newcomer, DutchLevel minimum) =>
        newcomer is { } level ? minimum <= level : minimum == DutchLevel.Geen;

    /// <summary>A stated need (childcare, family activity, free of charge) is a requirement, not a bonus.</summary>
    public static bool MeetsNeeds(InterestsAndNeeds interests, MatchActivity activity) =>
        (!interests.HasFlag(InterestsAndNeeds.NeedsChildcare) || activity.Childcare)
        && (!interests.HasFlag(InterestsAndNeeds.NeedsFamilyActivity) || activity.FamilyActivity)
        && (!interests.HasFlag(InterestsAndNeeds.NeedsFreeActivity) || activity.Free);

    /// <summary>The reasons as one line: "sluit aan bij: sport en beweging; gratis; kinderopvang voorzien".</summary>
    public static string Explain(IReadOnlyList<string> reasons) => string.Join("; ", reasons);

    private static bool SupportsLanguage(string? languages, string language)
    {
        foreach (var code in (languages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (string.Equals(code, language, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }
}
