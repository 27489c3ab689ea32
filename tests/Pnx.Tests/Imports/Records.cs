using Pnx.Imports;
using Pnx.Newcomers;

namespace Pnx.Tests.Imports;

/// <summary>Validated rows for tests of what an import does with them.</summary>
internal static class Records
{
    /// <summary>A row with every field of <see cref="NewcomerFields"/> filled.</summary>
    public static NewcomerRecord Newcomer(int index, string? nis = null, DateOnly? certificate = null, string familyName = "Peeters") => new(
        index + 2,
        new Newcomer
        {
            DossierNumber = $"D-{index:D6}",
            FamilyName = familyName,
            GivenNames = "An",
            Street = "Markt",
            HouseNumber = "1",
            Box = "b",
            PostalCode = "1500",
            City = "Halle",
            Phone = "+32470123456",
            Email = $"an{index}@example.be",
            ContactLanguage = "ar",
            DutchLevel = DutchLevel.A1,
            CivicOrientationStatus = CivicOrientationStatus.InProgress,
            Interests = InterestsAndNeeds.Buddy | InterestsAndNeeds.SportAndExercise,
            CertificateDate = certificate ?? new DateOnly(2026, 3, 1),
        },
        nis);

    public static List<NewcomerRecord> Many(int count, string? nis = null) =>
        Enumerable.Range(0, count).Select(i => Newcomer(i, nis)).ToList();
}
