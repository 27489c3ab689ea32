using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Pnx.Newcomers;

/// <summary>The Dutch labels of the closed lists, exactly as the protocol and contract §4 give them.</summary>
public static class NewcomerLabels
{
    /// <summary>The eleven interests and needs in protocol order (number 1–11).</summary>
    public static readonly IReadOnlyList<(InterestsAndNeeds Value, string Label)> Interests =
    [
        (InterestsAndNeeds.Buddy, "buddy"),
        (InterestsAndNeeds.PractiseDutch, "Nederlands oefenen"),
        (InterestsAndNeeds.LearnCourse, "iets leren/cursus"),
        (InterestsAndNeeds.InformalParticipation, "informeel participeren"),
        (InterestsAndNeeds.CultureArtCreativity, "cultuur/kunst/creativiteit"),
        (InterestsAndNeeds.SportAndExercise, "sport en beweging"),
        (InterestsAndNeeds.InternshipWorkPreparation, "stage/voorbereiden op werk"),
        (InterestsAndNeeds.Volunteering, "vrijwilligerswerk"),
        (InterestsAndNeeds.NeedsChildcare, "nood aan kinderopvang"),
        (InterestsAndNeeds.NeedsFamilyActivity, "nood aan gezinsactiviteit"),
        (InterestsAndNeeds.NeedsFreeActivity, "nood aan gratis activiteit"),
    ];

    public const string Geen = "geen";

    public static readonly FrozenDictionary<CivicOrientationStatus, string> CivicOrientation =
        new Dictionary<CivicOrientationStatus, string>
        {
            [CivicOrientationStatus.NotStarted] = "niet gestart",
            [CivicOrientationStatus.Registered] = "ingeschreven",
            [CivicOrientationStatus.InProgress] = "lopend",
            [CivicOrientationStatus.Passed] = "geslaagd",
            [CivicOrientationStatus.Failed] = "niet geslaagd",
            [CivicOrientationStatus.Exempted] = "vrijgesteld",
            [CivicOrientationStatus.Stopped] = "stopgezet",
        }.ToFrozenDictionary();

    public static string Label(this DutchLevel level) => level == DutchLevel.Geen ? Geen : level.ToString();

    public static string Label(this CivicOrientationStatus status) => CivicOrientation[status];

    /// <summary>Labels of a set, in protocol order, joined by " | "; "geen" alone; empty for unknown.</summary>
    public static string Label(this InterestsAndNeeds interests) => InterestLabels.GetOrAdd(interests, BuildLabel);

    /// <summary>Each set's label, built once: a list page shows fifty, and there are at most 2,049 sets.</summary>
    private static readonly ConcurrentDictionary<InterestsAndNeeds, string> InterestLabels = new();

    private static string BuildLabel(InterestsAndNeeds interests)
    {
        if (interests == InterestsAndNeeds.None) return "";
        if (interests == InterestsAndNeeds.Geen) return Geen;
        return string.Join(" | ", Interests.Where(i => (interests & i.Value) == i.Value).Select(i => i.Label));
    }
}
