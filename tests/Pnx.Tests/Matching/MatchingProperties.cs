using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Pnx.Matching;
using Pnx.Newcomers;
using static Pnx.Tests.Matching.MatchingGenerators;

namespace Pnx.Tests.Matching;

/// <summary>The hard rules of matching hold for every newcomer and every catalogue; the order is deterministic.</summary>
public sealed class MatchingProperties
{
    private static Property ForAll(Func<MatchProfile, List<MatchActivity>, bool> rule) =>
        Prop.ForAll(Profiles.ToArbitrary(), Catalogue.ToArbitrary(), rule);

    private static Dictionary<int, MatchActivity> ById(List<MatchActivity> catalogue) => catalogue.ToDictionary(a => a.Id);

    [Property(MaxTest = 500)]
    public Property MatchingNeverProposesAnActivityAboveTheNewcomersDutchLevel() => ForAll((newcomer, catalogue) =>
        Rank(newcomer, catalogue).All(m => newcomer.DutchLevel is not { } level || ById(catalogue)[m.ActivityId].MinimumDutchLevel <= level));

    [Property(MaxTest = 500)]
    public Property ANewcomerWithAnUnknownDutchLevelOnlyGetsActivitiesAskingNone() => ForAll((newcomer, catalogue) =>
        Rank(newcomer with { DutchLevel = null }, catalogue).All(m => ById(catalogue)[m.ActivityId].MinimumDutchLevel == DutchLevel.Geen));

    [Property(MaxTest = 500)]
    public Property MatchingNeverProposesAnInactiveOrDeactivatedActivity() => ForAll((newcomer, catalogue) =>
        Rank(newcomer, catalogue).Select(m => ById(catalogue)[m.ActivityId])
            .All(a => !a.Deactivated && (a.From is null || a.From <= Today) && (a.To is null || Today <= a.To)));

    [Property(MaxTest = 500)]
    public Property MatchingNeverProposesAFullActivity() => ForAll((newcomer, catalogue) =>
        Rank(newcomer, catalogue).Select(m => ById(catalogue)[m.ActivityId]).All(a => a.Capacity is null || a.Taken < a.Capacity));

    [Property(MaxTest = 500)]
    public Property EveryStatedNeedIsMetByEveryProposedActivity() => ForAll((newcomer, catalogue) =>
        Rank(newcomer, catalogue).Select(m => ById(catalogue)[m.ActivityId]).All(a =>
            (!newcomer.Interests.HasFlag(InterestsAndNeeds.NeedsChildcare) || a.Childcare)
            && (!newcomer.Interests.HasFlag(InterestsAndNeeds.NeedsFamilyActivity) || a.FamilyActivity)
            && (!newcomer.Interests.HasFlag(InterestsAndNeeds.NeedsFreeActivity) || a.Free)));

    [Property(MaxTest = 500)]
    public Property ExactlyTheActivitiesPassingEveryHardRuleAreRanked() => ForAll((newcomer, catalogue) =>
        Rank(newcomer, catalogue).Select(m => m.ActivityId).Order().SequenceEqual(catalogue.Where(a => Allowed(newcomer, a)).Select(a => a.Id).Order()));

    [Property(MaxTest = 300)]
    public Property TheRankingIsTheSameWhateverTheOrderOfTheCatalogue() => Prop.ForAll(
        Profiles.ToArbitrary(), Catalogue.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (newcomer, catalogue, seed) =>
        {
            var shuffled = catalogue.OrderBy(a => ((a.Id * 7919) + seed) % 1009).ToList();
            var reversed = Enumerable.Reverse(catalogue).ToList();
            var first = Rank(newcomer, catalogue).Select(m => m.ActivityId).ToList();
            return first.SequenceEqual(Rank(newcomer, shuffled).Select(m => m.ActivityId))
                && first.SequenceEqual(Rank(newcomer, reversed).Select(m => m.ActivityId))
                && first.SequenceEqual(Rank(newcomer, catalogue).Select(m => m.ActivityId));
        });

    [Property(MaxTest = 500)]
    public Property MatchesComeBestFirstThenByTitleThenById() => ForAll((newcomer, catalogue) =>
        Rank(newcomer, catalogue).Zip(Rank(newcomer, catalogue).Skip(1)).All(pair =>
            pair.First.Score > pair.Second.Score
            || (pair.First.Score == pair.Second.Score
                && (string.Compare(pair.First.Title, pair.Second.Title, StringComparison.OrdinalIgnoreCase) < 0
                    || (string.Equals(pair.First.Title, pair.Second.Title, StringComparison.OrdinalIgnoreCase) && pair.First.ActivityId < pair.Second.ActivityId)))));

    [Property(MaxTest = 500)]
    public Property TheScoreIsTheSumOfTheDocumentedPoints() => ForAll((newcomer, catalogue) =>
        Rank(newcomer, catalogue).All(m =>
        {
            var a = ById(catalogue)[m.ActivityId];
            var shared = Enumerable.Range(1, 8).Count(bit => (newcomer.Interests & a.Categories & (InterestsAndNeeds)(1 << bit)) != 0);
            var needs = (a.Free && newcomer.Interests.HasFlag(InterestsAndNeeds.NeedsFreeActivity) ? 1 : 0)
                + (a.Childcare && newcomer.Interests.HasFlag(InterestsAndNeeds.NeedsChildcare) ? 1 : 0)
                + (a.FamilyActivity && newcomer.Interests.HasFlag(InterestsAndNeeds.NeedsFamilyActivity) ? 1 : 0);
            var language = newcomer.ContactLanguage is { } code && (a.Languages ?? "").Split(',').Contains(code) ? 1 : 0;
            return m.Score == (10 * shared) + (5 * needs) + (4 * language) + (a.Own ? 1 : 0);
        }));

    [Property(MaxTest = 300)]
    public Property NoMatchIsListedWithoutAReason() => ForAll((newcomer, catalogue) =>
        Rank(newcomer, catalogue).All(m => m.Reasons.Count > 0 && m.Reasons.All(r => r.Length > 0)));

    [Property(MaxTest = 200)]
    public Property TheCandidatesOfAnActivityAreExactlyTheNewcomersItPassesTheHardRulesFor() => Prop.ForAll(
        Gen.ListOf(Profiles).ToArbitrary(), Activity(7).ToArbitrary(), (profiles, activity) =>
        {
            var newcomers = profiles.Select((p, i) => new CandidateNewcomer(i + 1, $"D-{(i * 7919) % 1000:D4}", null, null, p)).ToList();
            var ranked = Matcher.RankCandidates(activity, newcomers, Today, code => code);
            var again = Matcher.RankCandidates(activity, Enumerable.Reverse(newcomers), Today, code => code);
            return ranked.Select(c => c.NewcomerId).Order().SequenceEqual(newcomers.Where(n => Allowed(n.Profile, activity)).Select(n => n.Id).Order())
                && ranked.Select(c => c.NewcomerId).SequenceEqual(again.Select(c => c.NewcomerId));
        });
}
