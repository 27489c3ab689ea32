using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pnx.Cli;
using Pnx.Imports;
using Pnx.Newcomers;
using Pnx.Retention;
using Pnx.Tests.Imports;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Newcomers;

/// <summary>
/// The name search's trigram index (SQLite) follows every write of a name: an import's new and changed names, and an
/// erasure, after which nothing of the erased name is left in the index to find or to read.
/// </summary>
public sealed class NameSearchIndexTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly FakeTimeProvider _time = new(PnxCli.DefaultNow);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await PnxCli.For(_database, _time).AddMunicipalityWithProtocolAsync("23027", "Halle");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task ImportAsync(params string[] familyNames)
    {
        await using var db = _database.Open();
        var records = familyNames.Select((name, i) => Records.Newcomer(i, "23027", familyName: name)).ToList();
        var outcome = await ImportApplier.ApplyAsync(db, _time, records, new ImportOptions(), "newcomers.csv", CancellationToken.None);
        Assert.Equal(ExitCodes.Done, outcome.ExitCode);
    }

    private async Task<List<string>> CandidatesAsync(string word)
    {
        await using var db = _database.Open();
        var ids = await NameSearchIndex.Candidates(db, word.Split(' ')).ToListAsync();
        return await db.Newcomers.Where(n => ids.Contains(n.Id)).Select(n => n.DossierNumber).OrderBy(d => d).ToListAsync();
    }

    /// <summary>Every trigram the index holds (FTS5's vocabulary of the index itself, not of the names table).</summary>
    private async Task<List<string>> TrigramsAsync()
    {
        await using var db = _database.Open();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE VIRTUAL TABLE IF NOT EXISTS temp.newcomer_search_terms USING fts5vocab(main, newcomer_search, row)");
        return await db.Database.SqlQueryRaw<string>("SELECT term AS \"Value\" FROM temp.newcomer_search_terms").ToListAsync();
    }

    [SqliteFact]
    public async Task ImportedAndChangedNamesAreFoundByTheirNewNameOnly()
    {
        await ImportAsync("Qorvaldsson", "Peeters", "Peeters");
        Assert.Equal(["D-000000"], await CandidatesAsync("ORVALD"));
        Assert.Equal(["D-000001", "D-000002"], await CandidatesAsync("PEETER"));

        await ImportAsync("Janssens", "Peeters", "Peeters");
        Assert.Empty(await CandidatesAsync("ORVALD"));
        Assert.Equal(["D-000000"], await CandidatesAsync("JANSSEN"));
        Assert.DoesNotContain("orv", await TrigramsAsync());
    }

    [SqliteFact]
    public async Task AnErasedNameLeavesNothingInTheIndexAndItsDeletesAreSecure()
    {
        await ImportAsync("Peeters", "Qorvaldsson", "Peeters");
        Assert.Contains("orv", await TrigramsAsync());
        await using (var db = _database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var id = await db.Newcomers.Where(n => n.DossierNumber == "D-000001").Select(n => n.Id).SingleAsync();
            Assert.Equal(1, await NewcomerErasure.EraseAsync(db, [id], _time.GetUtcNow().UtcDateTime, RetentionRule.Withdrawal, CancellationToken.None));
            await transaction.CommitAsync();
        }

        Assert.Empty(await CandidatesAsync("QORVALD"));
        var trigrams = await TrigramsAsync();
        Assert.DoesNotContain("orv", trigrams);
        Assert.DoesNotContain("qor", trigrams);
        Assert.Contains("pee", trigrams);
        await using var check = _database.Open();
        // FTS5's secure-delete: a removed name's entries are taken out of the index's pages, not only marked deleted.
        Assert.Equal(1L, await check.Database.SqlQueryRaw<long>("SELECT v AS \"Value\" FROM newcomer_search_config WHERE k = 'secure-delete'").SingleAsync());
    }

    [SqliteFact]
    public async Task AFullNameNarrowsToThoseWithEveryWordAndShortWordsAreLeftToTheSearchsOwnCondition()
    {
        await using (var db = _database.Open())
        {
            NewcomerRecord Named(int i, string family, string given) => Records.Newcomer(i, "23027", familyName: family).With(n => n.GivenNames = given);
            var records = new List<NewcomerRecord> { Named(0, "Peeters", "Iryna"), Named(1, "Peeters", "Olena"), Named(2, "Oliinyk", "Iryna") };
            Assert.Equal(ExitCodes.Done, (await ImportApplier.ApplyAsync(db, _time, records, new ImportOptions(), "f.csv", CancellationToken.None)).ExitCode);
            Assert.Equal(["PEETERS", "IRYNA", "A\"B"], NameSearchIndex.WordsFor(db, ["AN", "PEETERS", "5", "IRYNA", "A\"B"]));
        }

        Assert.Equal(["D-000000"], await CandidatesAsync("PEETERS IRYNA"));
        Assert.Empty(await CandidatesAsync("ETERSIR"));
        Assert.Empty(await CandidatesAsync("PEE\"TERS"));
        Assert.Equal(["D-000000", "D-000002"], await CandidatesAsync("IRYNA"));
    }

    /// <summary>An import indexes its new rows in one statement with the insert trigger suspended; afterwards the trigger is back.</summary>
    [SqliteFact]
    public async Task AfterAnImportIndexedItsRowsInBulkANewcomerAddedOtherwiseIsIndexedByTheTriggerAgain()
    {
        await ImportAsync("Peeters", "Qorvaldsson");
        Assert.Equal(["D-000001"], await CandidatesAsync("QORVALD"));
        await using (var db = _database.Open())
        {
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name = 'newcomer_search_insert'").SingleAsync());
            var municipalityId = await db.Municipalities.Where(m => m.NisCode == "23027").Select(m => m.Id).SingleAsync();
            db.Newcomers.Add(new Newcomer
            {
                MunicipalityId = municipalityId, DossierNumber = "D-900000", FamilyName = "Zwanepoel", SearchName = NewcomerSearch.Of("Zwanepoel", "An"),
                FirstSharedAt = DateTime.UtcNow, LastConfirmedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(["D-900000"], await CandidatesAsync("ZWANEPOEL"));
        Assert.Equal(["D-000001"], await CandidatesAsync("QORVALD"));
    }
}
