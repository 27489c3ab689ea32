using FsCheck;
using FsCheck.Fluent;
using Pnx.Matching;
using Pnx.Newcomers;

namespace Pnx.Tests.Matching;

/// <summary>Generated newcomers and catalogues around a fixed day, covering every edge of the hard rules.</summary>
public static class MatchingGenerators
{
    public static readonly DateOnly Today = new(2026, 6, 15);

    private static readonly string[] Languages = ["ar", "uk", "prs", "ti", "fr", "en"];

    private static readonly string[] Titles = ["Zwemclub", "zwemclub", "Taalcafé", "Buddy", "Atelier", "Ëlan", "Kookclub"];

    public static Gen<MatchProfile> Profiles =>
        from bits in Gen.Choose(0, (1 << 12) - 1)
        from level in Gen.Elements<DutchLevel?>([null, .. Enum.GetValues<DutchLevel>().Cast<DutchLevel?>()])
        from language in Gen.Elements<string?>([null, .. Languages])
        select new MatchProfile((bits & 1) != 0 ? InterestsAndNeeds.Geen : (InterestsAndNeeds)(bits & ~1), level, language);

    public static Gen<MatchActivity> Activity(int id) =>
        from categories in Gen.Choose(1, 255)
        from childcare in Gen.Elements(true, false)
        from family in Gen.Elements(true, false)
        from free in Gen.Elements(true, false)
        from minimum in Gen.Elements(Enum.GetValues<DutchLevel>())
        from languages in Gen.SubListOf(Languages)
        from capacity in Gen.Elements<int?>(null, 1, 2, 5)
        from taken in Gen.Choose(0, 6)
        from start in Gen.Elements<int?>(null, -30, 0, 1, 30)
        from end in Gen.Elements<int?>(null, -1, 0, 1, 30)
        from oneInFive in Gen.Choose(0, 4)
        from own in Gen.Elements(true, false)
        from title in Gen.Elements(Titles)
        select new MatchActivity(
            id, title, own, (InterestsAndNeeds)(categories << 1), childcare, family, free, minimum,
            languages.Count == 0 ? null : string.Join(",", languages.Order(StringComparer.Ordinal)), capacity, taken,
            start is { } f ? Today.AddDays(f) : null, end is { } t ? Today.AddDays(t) : null, oneInFive == 0);

    public static Gen<List<MatchActivity>> Catalogue =>
        from count in Gen.Choose(0, 40)
        from activities in Gen.CollectToList(Enumerable.Range(1, count).Select(Activity))
        select activities;

    /// <summary>The hard rules as contract §7 and issue 7 state them, written here independently of the matcher.</summary>
    public static bool Allowed(MatchProfile newcomer, MatchActivity activity)
    {
        if (activity.Deactivated) return false;
        if (activity.From is { } from && Today < from) return false;
        if (activity.To is { } to && Today > to) return false;
        if (activity.Capacity is { } capacity && activity.Taken >= capacity) return false;
        if (newcomer.DutchLevel is null && activity.MinimumDutchLevel != DutchLevel.Geen) return false;
        if (newcomer.DutchLevel is { } level && (int)activity.MinimumDutchLevel > (int)level) return false;
        if ((newcomer.Interests & InterestsAndNeeds.NeedsChildcare) != 0 && !activity.Childcare) return false;
        if ((newcomer.Interests & InterestsAndNeeds.NeedsFamilyActivity) != 0 && !activity.FamilyActivity) return false;
        if ((newcomer.Interests & InterestsAndNeeds.NeedsFreeActivity) != 0 && !activity.Free) return false;
        return true;
    }

    public static IReadOnlyList<Match> Rank(MatchProfile newcomer, IEnumerable<MatchActivity> catalogue) =>
        Matcher.Rank(newcomer, catalogue, Today, code => code);
}
