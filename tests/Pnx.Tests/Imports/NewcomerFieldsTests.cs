using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pnx.Cli;
using Pnx.Imports;
using Pnx.Newcomers;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Imports;

/// <summary>
/// The field whitelist lives in one place, <see cref="NewcomerFields"/>: the entity may hold nothing else,
/// and everything that handles personal data (erasure first) follows it.
/// </summary>
public sealed class NewcomerFieldsTests
{
    /// <summary>What a newcomer row holds besides its fields: keys, links, the dates of processing and the case-work summaries the database keeps.</summary>
    private static readonly string[] ProcessingMetadata =
        [nameof(Newcomer.Id), nameof(Newcomer.MunicipalityId), nameof(Newcomer.Municipality), nameof(Newcomer.FirstSharedAt),
         nameof(Newcomer.LastConfirmedAt), nameof(Newcomer.WithdrawnAt), nameof(Newcomer.ErasedAt),
         nameof(Newcomer.LastContactAt), nameof(Newcomer.RecordedHours)];

    [Fact]
    public void EveryPropertyOfANewcomerIsAFieldOfTheDefinitionOrProcessingMetadata()
    {
        var properties = typeof(Newcomer).GetProperties().Select(p => p.Name).Except(ProcessingMetadata).Order(StringComparer.Ordinal);
        Assert.Equal(properties, NewcomerFields.All.Select(f => f.Property).Order(StringComparer.Ordinal));
        Assert.Equal(NewcomerFields.All.Count, NewcomerFields.All.Select(f => f.Property).Distinct().Count());
    }

    [Fact]
    public void TheColumnsAreThoseOfContractSection4InItsOrder() =>
        Assert.Equal(
            ["Dossiernummer", "Naam", "Voornaam", "Straat", "Huisnummer", "Bus", "Postcode", "Woonplaats", "Telefoon", "E-mail", "Contacttaal",
             "Niveau Nederlands", "Status MO", "Interesses en noden", "Datum inburgeringsattest", "NIS-code gemeente"],
            NewcomerColumns.All);

    [Fact]
    public void EveryImportedFieldReadsBackTheCellItExports()
    {
        var newcomer = Records.Newcomer(1).Values;
        foreach (var field in NewcomerFields.Imported)
        {
            var read = new Newcomer { DossierNumber = "" };
            Assert.Null(field.Read(field.Format(newcomer), new DateOnly(2026, 6, 15), read));
            Assert.True(field.Same(newcomer, read), field.Property);
        }
    }

    /// <summary>
    /// SQLite stages 64 rows per statement and the rest of a batch one by one: every row, wherever it falls, is
    /// stored with its own values (a slip of one row or one column in the binding would show here).
    /// </summary>
    [Fact]
    public async Task EveryRowIsStoredWithItsOwnValuesWhereverItFallsInTheStagingStatements()
    {
        await using var database = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(PnxCli.DefaultNow);
        await PnxCli.For(database, time).AddMunicipalityWithProtocolAsync("23027", "Halle");
        var records = Enumerable.Range(0, 64 * 2 + 5).Select(i =>
        {
            var record = Records.Newcomer(i, "23027", new DateOnly(2026, 3, 1).AddDays(i % 50), $"Naam{i}");
            record.Values.HouseNumber = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            record.Values.Box = i % 3 == 0 ? null : $"b{i}";
            record.Values.DutchLevel = i % 4 == 0 ? null : (DutchLevel)(i % 4);
            record.Values.Interests = (InterestsAndNeeds)(1 << (i % 11));
            return record;
        }).ToList();

        await ApplyAsync(database, time, records);

        await using var db = database.Open();
        var dossiers = records.Select(r => r.DossierNumber).ToList();
        var stored = await db.Newcomers.AsNoTracking().Where(n => dossiers.Contains(n.DossierNumber)).ToDictionaryAsync(n => n.DossierNumber);
        Assert.Equal(records.Count, stored.Count);
        foreach (var record in records)
        {
            var newcomer = stored[record.DossierNumber];
            Assert.All(NewcomerFields.Imported, f => Assert.True(f.Same(record.Values, newcomer), $"{record.DossierNumber}: {f.Property}"));
        }
    }

    [Theory]
    [InlineData("withdrawal")]
    [InlineData("retention run")]
    [InlineData("import after retention ended")]
    public async Task ErasureBlanksEveryPersonalFieldAndKeepsTheDossierNumber(string how)
    {
        await using var database = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(PnxCli.DefaultNow);
        var cli = PnxCli.For(database, time);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        var kept = Records.Newcomer(1, "23027");
        var erased = Records.Newcomer(2, "23027", new DateOnly(2026, 1, 10));
        await ApplyAsync(database, time, [kept, erased]);
        var stored = await LoadAsync(database, erased.DossierNumber);
        Assert.All(NewcomerFields.Personal, f => Assert.False(f.IsErased(stored), $"{f.Property} should be filled before the erasure"));

        time.SetUtcNow(new DateTimeOffset(2026, 7, 11, 10, 0, 0, TimeSpan.Zero));
        switch (how)
        {
            case "withdrawal": await ApplyAsync(database, time, [kept]); break;
            case "retention run": await cli.RunExpectingAsync(ExitCodes.Done, "retention", "run"); break;
            default: await ApplyAsync(database, time, [kept, erased]); break;
        }

        var after = await LoadAsync(database, erased.DossierNumber);
        Assert.All(NewcomerFields.Personal, f => Assert.True(f.IsErased(after), $"{f.Property} was not erased"));
        Assert.Equal(erased.DossierNumber, after.DossierNumber);
        Assert.NotNull(after.ErasedAt);
        var other = await LoadAsync(database, kept.DossierNumber);
        Assert.All(NewcomerFields.Personal, f => Assert.False(f.IsErased(other), $"{f.Property} of another newcomer was erased"));
    }

    private static async Task ApplyAsync(TestDatabase database, TimeProvider time, IReadOnlyList<NewcomerRecord> records)
    {
        await using var db = database.Open();
        var outcome = await ImportApplier.ApplyAsync(db, time, records, new ImportOptions(), "f.csv", CancellationToken.None);
        Assert.Equal(ExitCodes.Done, outcome.ExitCode);
    }

    private static async Task<Newcomer> LoadAsync(TestDatabase database, string dossier)
    {
        await using var db = database.Open();
        return await db.Newcomers.AsNoTracking().SingleAsync(n => n.DossierNumber == dossier);
    }
}
