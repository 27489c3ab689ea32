using Pnx.Cli;
using Pnx.Newcomers;
using static Pnx.Tests.Activities.CatalogueWorkspace;

namespace Pnx.Tests.Activities;

/// <summary>Every column rule of the activity file (contract §7), a good and a bad value each, through `pnx activity import`.</summary>
public sealed class ActivityFileRuleTests
{
    [Fact]
    public async Task MinimalFileCreatesActivitiesAndPrintsTheContractLine()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();

        var run = await workspace.ImportOkAsync("Titel;Organisator;Categorieën\r\nTaalcafé;Bibliotheek Halle;2\r\nVoetbal;KFC Halle;sport en beweging\r\n");

        Assert.Equal("23027 Halle: 2 activities created, 0 updated, 0 unchanged", run.Out.Trim());
        var activities = await workspace.ActivitiesAsync();
        Assert.Equal(["Taalcafé", "Voetbal"], activities.Select(a => a.Title));
        Assert.All(activities, a =>
        {
            Assert.Equal(DutchLevel.Geen, a.MinimumDutchLevel);
            Assert.False(a.Childcare || a.FamilyActivity || a.Free);
            Assert.Null(a.Capacity);
            Assert.Equal(1, a.Version);
        });
    }

    [Fact]
    public async Task FullRowIsStoredNormalised()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();

        await workspace.ImportOkAsync(Csv(Row()));

        var a = Assert.Single(await workspace.ActivitiesAsync());
        Assert.Equal("Taalcafé Halle", a.Title);
        Assert.Equal("Info@bib.halle.be", a.ContactEmail);
        Assert.Equal("+3223659900", a.ContactPhone);
        Assert.Equal("1500", a.PostalCode);
        Assert.Equal(InterestsAndNeeds.PractiseDutch | InterestsAndNeeds.InformalParticipation, a.Categories);
        Assert.True(a.Childcare);
        Assert.False(a.FamilyActivity);
        Assert.True(a.Free);
        Assert.Equal(DutchLevel.A1, a.MinimumDutchLevel);
        Assert.Equal("ar,fr", a.Languages);
        Assert.Equal(25, a.Capacity);
        Assert.Equal(2.5, a.Hours);
        Assert.Equal(new DateOnly(2026, 3, 1), a.From);
        Assert.Equal(new DateOnly(2026, 12, 31), a.To);
        Assert.Equal("23088", Assert.Single(a.SharedWith).Municipality!.NisCode);
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "Titel", "", "is verplicht maar leeg" },
        { "Titel", new string('x', 151), "is 151 tekens lang; hoogstens 150 tekens toegestaan" },
        { "Omschrijving", new string('o', 2001), "is 2001 tekens lang; hoogstens 2000 tekens toegestaan" },
        { "Organisator", "", "is verplicht maar leeg" },
        { "Organisator", new string('x', 151), "hoogstens 150 tekens toegestaan" },
        { "Contactpersoon", new string('x', 101), "hoogstens 100 tekens toegestaan" },
        { "Contact e-mail", "info-at-bib.be", "\"info-at-bib.be\" is geen geldig e-mailadres" },
        { "Contact telefoon", "12 34", "\"12 34\" is geen geldig telefoonnummer" },
        { "Adres", new string('x', 151), "hoogstens 150 tekens toegestaan" },
        { "Postcode", "999", "\"999\" is geen Belgische postcode (vier cijfers, 1000-9999)" },
        { "Woonplaats", new string('x', 101), "hoogstens 100 tekens toegestaan" },
        { "Categorieën", "", "is verplicht maar leeg" },
        { "Categorieën", "dansen", "\"dansen\" is geen categorie; verwacht een nummer 1-8 of een van: buddy, Nederlands oefenen" },
        { "Categorieën", "9", "\"9\" is een nood, geen categorie; vul daarvoor de kolom Kinderopvang, Gezinsactiviteit of Gratis met ja" },
        { "Categorieën", "nood aan gratis activiteit", "is een nood, geen categorie" },
        { "Categorieën", "geen", "\"geen\" is geen categorie" },
        { "Kinderopvang", "misschien", "\"misschien\" is niet ja of nee (leeg betekent nee)" },
        { "Gezinsactiviteit", "soms", "\"soms\" is niet ja of nee" },
        { "Gratis", "1", "\"1\" is niet ja of nee" },
        { "Minimum niveau Nederlands", "B3", "\"B3\" is geen niveau; verwacht geen, A1, A2, B1, B2, C1 of C2" },
        { "Talen", "Klingon", "\"Klingon\" is geen gekende taal" },
        { "Capaciteit", "0", "\"0\" is geen geheel getal van 1 tot 100000" },
        { "Capaciteit", "2,5", "\"2,5\" is geen geheel getal" },
        { "Capaciteit", "veel", "\"veel\" is geen geheel getal" },
        { "Uren", "0,25", "\"0,25\" is geen aantal uren van 0,5 tot 1000 met hoogstens één decimaal" },
        { "Uren", "0", "\"0\" is geen aantal uren" },
        { "Uren", "1000,5", "\"1000,5\" is geen aantal uren" },
        { "Uren", "twee", "\"twee\" is geen aantal uren" },
        { "Van", "31/02/2026", "\"31/02/2026\" is geen bestaande datum" },
        { "Van", "morgen", "\"morgen\" is geen datum in de vorm dd/mm/jjjj of jjjj-mm-dd" },
        { "Tot", "1/1/2026", "\"1/1/2026\" ligt vóór Van (01/03/2026); Tot mag niet vóór Van liggen" },
        { "Tot", "1/1/1999", "\"1/1/1999\" ligt niet tussen 2000 en 2100" },
        { "Gedeeld met", "2308", "\"2308\" is geen NIS-code (vijf cijfers" },
        { "Gedeeld met", "99999", "\"99999\" is geen gemeente in dit systeem" },
        { "Gedeeld met", "23027", "\"23027\" is uw eigen gemeente; vul alleen partnergemeenten in" },
        { "Activiteit-ID", "abc", "\"abc\" is geen activiteit-ID" },
        { "Activiteit-ID", "4711", "\"4711\" is geen activiteit van 23027 Halle" },
        { "Titel", "Taal\u202Ecafé", "bevat een teken dat de schrijfrichting omkeert" },
        { "Titel", "Taal\u0007café", "bevat een stuurteken" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task ABadValueIsRefusedNamingFileRowColumnValueAndWhatIsExpected(string column, string value, string reason)
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();
        var before = await workspace.StateAsync();

        var run = await workspace.ImportAsync(workspace.Write("activiteiten.csv", Csv(Row(), Row((column, value)))));

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"activiteiten.csv: row 3, column \"{column}\": ", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
        Assert.Equal(before, await workspace.StateAsync());
    }

    public static TheoryData<string, string> GoodValues => new()
    {
        { "Categorieën", "buddy;iets leren / cursus\nvrijwilligerswerk" },
        { "Categorieën", "1|2|3|4|5|6|7|8" },
        { "Kinderopvang", "" },
        { "Gratis", "Nee" },
        { "Minimum niveau Nederlands", "" },
        { "Minimum niveau Nederlands", "C2" },
        { "Talen", "Oekraïens; ti | Dari" },
        { "Capaciteit", "" },
        { "Uren", "1000" },
        { "Uren", "0.5" },
        { "Van", "2026-01-31" },
        { "Tot", "" },
        { "Gedeeld met", "" },
        { "Contact telefoon", "+31 6 12345678" },
        { "Omschrijving", "Regel één\nRegel twee; met \"aanhalingstekens\"" },
    };

    [Theory]
    [MemberData(nameof(GoodValues))]
    public async Task AGoodValueIsAccepted(string column, string value)
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();

        var run = await workspace.ImportOkAsync(Csv(Row((column, value))));

        Assert.Equal("23027 Halle: 1 activities created, 0 updated, 0 unchanged", run.Out.Trim());
    }

    [Fact]
    public async Task EveryProblemOfEveryRowIsListedAndNothingIsWritten()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();
        var before = await workspace.StateAsync();

        var run = await workspace.ImportAsync(workspace.Write("activiteiten.csv", Csv(
            Row(), Row(("Titel", ""), ("Uren", "veel")), Row(), Row(("Postcode", "12")), Row())));

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Equal(
        [
            "activiteiten.csv: row 3, column \"Titel\": is verplicht maar leeg",
            "activiteiten.csv: row 3, column \"Uren\": \"veel\" is geen aantal uren van 0,5 tot 1000 met hoogstens één decimaal (bijvoorbeeld 2,5)",
            "activiteiten.csv: row 5, column \"Postcode\": \"12\" is geen Belgische postcode (vier cijfers, 1000-9999)",
        ], run.ErrorLines);
        Assert.Equal(before, await workspace.StateAsync());
    }

    [Fact]
    public async Task UnknownColumnIsRefusedByNameAndNothingIsWritten()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();

        var run = await workspace.ImportAsync(workspace.Write("activiteiten.csv", "Titel;Organisator;Categorieën;Prijs\r\nTaalcafé;Bib;2;5 euro\r\n"));

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("activiteiten.csv: row 1, column \"Prijs\": is geen kolom van het activiteitenbestand (contract §7); toegestane kolommen: Activiteit-ID, Titel,", line, StringComparison.Ordinal);
        Assert.Empty(await workspace.ActivitiesAsync());
    }

    [Fact]
    public async Task MissingRequiredColumnsAreRefusedByName()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();

        var run = await workspace.ImportAsync(workspace.Write("activiteiten.csv", "Titel;Omschrijving\r\nTaalcafé;Praten\r\n"));

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Equal(
        [
            "activiteiten.csv: column \"Organisator\": is een verplichte kolom maar ontbreekt in het bestand",
            "activiteiten.csv: column \"Categorieën\": is een verplichte kolom maar ontbreekt in het bestand",
        ], run.ErrorLines);
    }

    [Fact]
    public async Task HeadersMatchIgnoringCaseAndSurroundingSpaces()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();

        var run = await workspace.ImportOkAsync(" TITEL ;organisator;CATEGORIEËN;  gedeeld MET\r\nTaalcafé;Bib;2;23088\r\n");

        Assert.Equal("23027 Halle: 1 activities created, 0 updated, 0 unchanged", run.Out.Trim());
    }

    [Fact]
    public async Task DuplicateIdsInOneFileAreRefused()
    {
        await using var workspace = await CatalogueWorkspace.CreateAsync();
        await workspace.ImportOkAsync(Csv(Row()));
        var id = (await workspace.ActivitiesAsync())[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await workspace.ImportAsync(workspace.Write("dubbel.csv", Csv(Row(("Activiteit-ID", id)), Row(("Activiteit-ID", id), ("Titel", "Ander")))));

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Equal([$"dubbel.csv: row 3, column \"Activiteit-ID\": \"{id}\" staat ook al in rij 2; elke activiteit mag maar één keer in het bestand staan"], run.ErrorLines);
    }
}
