using System.Globalization;
using System.Text;
using Bogus;
using Pnx.Newcomers;

namespace Pnx.Demo;

/// <summary>
/// Synthetic newcomers with plausible distributions. Plainly fake: e-mail on demo.invalid, random
/// names from mixed lists. A fixed seed per municipality makes the demo the same on every install.
/// Certificate dates stay within the last 5 months, so no row is already past retention (art. 3).
/// </summary>
internal static class DemoNewcomerGenerator
{
    private static readonly DutchLevel?[] Levels = [null, DutchLevel.Geen, DutchLevel.A1, DutchLevel.A2, DutchLevel.B1, DutchLevel.B2, DutchLevel.C1];
    private static readonly float[] LevelWeights = [0.10f, 0.30f, 0.25f, 0.20f, 0.09f, 0.04f, 0.02f];

    private static readonly CivicOrientationStatus?[] Statuses =
    [
        null, CivicOrientationStatus.NotStarted, CivicOrientationStatus.Registered, CivicOrientationStatus.InProgress,
        CivicOrientationStatus.Passed, CivicOrientationStatus.Failed, CivicOrientationStatus.Exempted, CivicOrientationStatus.Stopped,
    ];

    private static readonly float[] StatusWeights = [0.05f, 0.15f, 0.20f, 0.25f, 0.25f, 0.03f, 0.05f, 0.02f];

    private static readonly string[] Boxes = ["1", "2", "3", "A", "B", "0101", "0202"];

    public static List<Newcomer> Generate(DemoMunicipality municipality, int municipalityId, DateOnly today, DateTime now)
    {
        var faker = new Faker("nl_BE") { Random = new Randomizer(municipality.Seed) };
        var origins = DemoNames.Origins;
        // Bogus's WeightedRandom expects weights that sum to 1.
        var originTotal = origins.Sum(o => o.Weight);
        var originWeights = origins.Select(o => o.Weight / originTotal).ToArray();
        var newcomers = new List<Newcomer>(municipality.Newcomers);
        var dossier = faker.Random.Number(100, 900);
        for (var i = 0; i < municipality.Newcomers; i++)
        {
            dossier += faker.Random.Number(1, 9);
            var dutch = faker.Random.Bool(DemoNames.DutchWeight / (originTotal + DemoNames.DutchWeight));
            var origin = faker.Random.WeightedRandom(origins, originWeights);
            var given = dutch ? faker.Name.FirstName() : faker.PickRandom(origin.GivenNames);
            var family = dutch ? faker.Name.LastName() : faker.PickRandom(origin.FamilyNames);
            var status = faker.Random.WeightedRandom(Statuses, StatusWeights);
            newcomers.Add(new Newcomer
            {
                MunicipalityId = municipalityId,
                DossierNumber = string.Create(CultureInfo.InvariantCulture, $"D-{2024 + (i * 3 / municipality.Newcomers)}-{dossier:D6}"),
                FamilyName = family.Normalize(NormalizationForm.FormC),
                GivenNames = given.Normalize(NormalizationForm.FormC),
                SearchName = NewcomerSearch.Of(family, given),
                Street = faker.PickRandom(municipality.Streets),
                HouseNumber = faker.Random.Number(1, 180).ToString(CultureInfo.InvariantCulture),
                Box = faker.Random.Bool(0.2f) ? faker.PickRandom(Boxes) : null,
                PostalCode = municipality.PostalCode,
                City = municipality.Name,
                Phone = Phone(faker, municipality),
                Email = faker.Random.Bool(0.7f) ? Email(given, family, i) : null,
                ContactLanguage = faker.Random.Bool(0.05f) ? null : dutch ? "nl" : faker.PickRandom(origin.Languages),
                DutchLevel = faker.Random.WeightedRandom(Levels, LevelWeights),
                CivicOrientationStatus = status,
                Interests = Interests(faker),
                CertificateDate = CertificateDate(faker, status, today),
                FirstSharedAt = now,
                LastConfirmedAt = now,
            });
        }

        return newcomers;
    }

    /// <summary>Mostly mobile numbers, some landlines of the municipality's zone, some unknown; all E.164.</summary>
    private static string? Phone(Faker faker, DemoMunicipality municipality)
    {
        var roll = faker.Random.Number(1, 100);
        if (roll <= 15) return null;
        if (roll <= 25)
        {
            return municipality.PostalCode.StartsWith('2')
                ? "+3215" + faker.Random.Number(200000, 899999).ToString(CultureInfo.InvariantCulture)
                : "+322" + faker.Random.Number(3000000, 7999999).ToString(CultureInfo.InvariantCulture);
        }

        var prefix = faker.PickRandom("470", "471", "472", "473", "474", "475", "476", "477", "478", "479", "484", "485", "486", "487", "488", "489", "491", "492", "493", "494", "495", "496", "497", "498", "499");
        return "+32" + prefix + faker.Random.Number(0, 999999).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static string Email(string given, string family, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{Ascii(given)}.{Ascii(family)}{index}@demo.invalid");

    private static string Ascii(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9') builder.Append(lower);
            else if (lower == 'ı') builder.Append('i');
        }

        return builder.Length > 0 ? builder.ToString() : "x";
    }

    /// <summary>One to three interests for most; some said "geen", some are unknown.</summary>
    private static InterestsAndNeeds Interests(Faker faker)
    {
        var roll = faker.Random.Number(1, 100);
        if (roll <= 8) return InterestsAndNeeds.None;
        if (roll <= 15) return InterestsAndNeeds.Geen;
        var chosen = faker.Random.ListItems(NewcomerLabels.Interests.Select(i => i.Value).ToList(), faker.Random.Number(1, 3));
        return chosen.Aggregate(InterestsAndNeeds.None, (set, value) => set | value);
    }

    /// <summary>Only after the MO course, and for about half of those: a date within the last 5 months.</summary>
    private static DateOnly? CertificateDate(Faker faker, CivicOrientationStatus? status, DateOnly today)
    {
        if (status is not (CivicOrientationStatus.Passed or CivicOrientationStatus.Exempted) || faker.Random.Bool(0.45f)) return null;
        var earliest = today.AddMonths(-5);
        return earliest.AddDays(faker.Random.Number(0, today.DayNumber - earliest.DayNumber));
    }
}
