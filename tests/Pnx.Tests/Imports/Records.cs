using Pnx.Imports;
using Pnx.Newcomers;

namespace Pnx.Tests.Imports;

/// <summary>Validated rows for tests of what an import does with them.</summary>
internal static class Records
{
    public static NewcomerRecord Newcomer(int index, string? nis = null, DateOnly? certificate = null, string familyName = "Peeters") => new(
        RowNumber: index + 2,
        DossierNumber: $"D-{index:D6}",
        FamilyName: familyName,
        GivenNames: "An",
        Street: "Markt",
        HouseNumber: "1",
        Box: null,
        PostalCode: "1500",
        City: "Halle",
        Phone: "+32470123456",
        Email: $"an{index}@example.be",
        ContactLanguage: "ar",
        DutchLevel: DutchLevel.A1,
        CivicOrientationStatus: CivicOrientationStatus.InProgress,
        Interests: InterestsAndNeeds.Buddy | InterestsAndNeeds.SportAndExercise,
        CertificateDate: certificate,
        MunicipalityNis: nis);

    public static List<NewcomerRecord> Many(int count, string? nis = null) =>
        Enumerable.Range(0, count).Select(i => Newcomer(i, nis)).ToList();
}
