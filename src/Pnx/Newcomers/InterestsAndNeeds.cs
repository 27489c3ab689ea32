namespace Pnx.Newcomers;

/// <summary>
/// The protocol's closed list of interests and needs (article 3), as a set.
/// <see cref="None"/> means the column was empty (unknown); <see cref="Geen"/> means "nothing given"
/// and is never combined with another value.
/// </summary>
[Flags]
public enum InterestsAndNeeds
{
    None = 0,
    Geen = 1 << 0,
    Buddy = 1 << 1,
    PractiseDutch = 1 << 2,
    LearnCourse = 1 << 3,
    InformalParticipation = 1 << 4,
    CultureArtCreativity = 1 << 5,
    SportAndExercise = 1 << 6,
    InternshipWorkPreparation = 1 << 7,
    Volunteering = 1 << 8,
    NeedsChildcare = 1 << 9,
    NeedsFamilyActivity = 1 << 10,
    NeedsFreeActivity = 1 << 11,
}
