using Pnx.Matching;
using Pnx.Newcomers;
using Pnx.Newcomers.Pages;
using static Pnx.Tests.Matching.MatchingGenerators;

namespace Pnx.Tests.Matching;

/// <summary>One newcomer, one small catalogue: the ranking and every reason, exactly as a case worker reads them.</summary>
public sealed class MatchingScenarioTests
{
    private const InterestsAndNeeds Sport = InterestsAndNeeds.SportAndExercise;

    private static readonly MatchProfile Amina = new(
        Sport | InterestsAndNeeds.Buddy | InterestsAndNeeds.NeedsChildcare | InterestsAndNeeds.NeedsFreeActivity, DutchLevel.A2, "ar");

    private static MatchActivity Activity(
        int id, string title, InterestsAndNeeds categories, DutchLevel minimum = DutchLevel.Geen, bool free = true, bool childcare = true,
        bool family = false, bool own = true, string? languages = null, int? capacity = null, int taken = 0, DateOnly? to = null, bool deactivated = false) =>
        new(id, title, own, categories, childcare, family, free, minimum, languages, capacity, taken, null, to, deactivated);

    private static readonly MatchActivity[] Catalogue =
    [
        Activity(1, "Zwemclub De Dolfijn", Sport | InterestsAndNeeds.Buddy, DutchLevel.A1, languages: "ar,fr"),
        Activity(2, "Buurtvoetbal", Sport, family: true, own: false),
        Activity(3, "Fietsles", Sport | InterestsAndNeeds.InformalParticipation, DutchLevel.B1),
        Activity(4, "Yoga in het park", Sport, free: false),
        Activity(5, "Taalcafé", InterestsAndNeeds.PractiseDutch),
        Activity(6, "Atelier", InterestsAndNeeds.CultureArtCreativity | Sport, to: Today.AddDays(-1)),
        Activity(7, "Kookclub", Sport, capacity: 2, taken: 2),
        Activity(8, "Wandelclub", Sport, deactivated: true),
        Activity(9, "Sportdag", Sport),
        Activity(10, "Badminton", Sport),
        Activity(11, "Voetbalkamp", Sport, childcare: false),
    ];

    [Fact]
    public void TheFixedScenarioIsRankedWithTheseScoresAndTheseReasons()
    {
        var ranked = Matcher.Rank(Amina, Catalogue, Today, LanguageNames.Name)
            .Select(m => (m.Title, m.Score, Matcher.Explain(m.Reasons))).ToList();
        (string, int, string)[] expected =
        [
            ("Zwemclub De Dolfijn", 35, "sluit aan bij: buddy, sport en beweging; gratis; kinderopvang voorzien; ondersteuning in het Arabisch"),
            ("Badminton", 21, "sluit aan bij: sport en beweging; gratis; kinderopvang voorzien"),
            ("Sportdag", 21, "sluit aan bij: sport en beweging; gratis; kinderopvang voorzien"),
            ("Buurtvoetbal", 20, "sluit aan bij: sport en beweging; gratis; kinderopvang voorzien; gezinsactiviteit; aanbod van een partnergemeente"),
            ("Taalcafé", 11, "gratis; kinderopvang voorzien"),
        ];
        Assert.Equal(expected, ranked);
    }

    [Fact]
    public void TheActivityThatFitsOnlyAboveTheLevelOrWithoutAStatedNeedIsLeftOut()
    {
        var ids = Matcher.Rank(Amina, Catalogue, Today, LanguageNames.Name).Select(m => m.ActivityId).ToList();
        Assert.DoesNotContain(3, ids);  // B1 asked, A2 known
        Assert.DoesNotContain(4, ids);  // not free, free needed
        Assert.DoesNotContain(6, ids);  // ended yesterday
        Assert.DoesNotContain(7, ids);  // full
        Assert.DoesNotContain(8, ids);  // deactivated
        Assert.DoesNotContain(11, ids); // no childcare, childcare needed
    }

    [Fact]
    public void TheCandidatesOfAnActivityAreRankedByScoreThenDossierNumber()
    {
        var buddy = Activity(20, "Buddyproject", InterestsAndNeeds.Buddy | InterestsAndNeeds.PractiseDutch, DutchLevel.A1, languages: "uk");
        CandidateNewcomer[] newcomers =
        [
            new(1, "D-0003", "Peeters", "An", new MatchProfile(InterestsAndNeeds.Buddy, DutchLevel.B1, null)),
            new(2, "D-0001", "Yilmaz", "Emre", new MatchProfile(InterestsAndNeeds.Buddy | InterestsAndNeeds.PractiseDutch, DutchLevel.A2, "uk")),
            new(3, "D-0002", "Haddad", "Rana", new MatchProfile(InterestsAndNeeds.Buddy, DutchLevel.A1, null)),
            new(4, "D-0004", "Kovalenko", "Olena", new MatchProfile(InterestsAndNeeds.Buddy, null, "uk")),
            new(5, "D-0005", "Tesfaye", "Selam", new MatchProfile(InterestsAndNeeds.Buddy | InterestsAndNeeds.NeedsFreeActivity, DutchLevel.C1, null)),
        ];
        var ranked = Matcher.RankCandidates(buddy with { Free = false }, newcomers, Today, LanguageNames.Name)
            .Select(c => (c.DossierNumber, c.Score, Matcher.Explain(c.Reasons))).ToList();
        (string, int, string)[] expected =
        [
            ("D-0001", 25, "sluit aan bij: buddy, Nederlands oefenen; kinderopvang voorzien; ondersteuning in het Oekraïens"),
            ("D-0002", 11, "sluit aan bij: buddy; kinderopvang voorzien"),
            ("D-0003", 11, "sluit aan bij: buddy; kinderopvang voorzien"),
        ];
        Assert.Equal(expected, ranked);
    }
}
