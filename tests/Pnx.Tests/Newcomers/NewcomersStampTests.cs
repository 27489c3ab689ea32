using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Imports;
using Pnx.Newcomers;
using Pnx.Tests.Imports;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Newcomers;

/// <summary>
/// The municipality's <see cref="NewcomersStamp"/> (both engines) moves with every write that can change who is current, by any
/// writer, and with nothing else: the list's remembered count (<c>KnownListCount</c>) is only as exact as this.
/// </summary>
public sealed class NewcomersStampTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly FakeTimeProvider _time = new(PnxCli.DefaultNow);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var cli = PnxCli.For(_database, _time);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        await cli.AddMunicipalityWithProtocolAsync("23088", "Vilvoorde");
        await ImportAsync("23027", 0, 1, 2, 3);
        await ImportAsync("23088", 10, 11);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task ImportAsync(string nis, params int[] indexes)
    {
        await using var db = _database.Open();
        var records = indexes.Select(i => Records.Newcomer(i, nis)).ToList();
        var outcome = await ImportApplier.ApplyAsync(db, _time, records, new ImportOptions(nis, ImportMode.Upsert), "newcomers.csv", CancellationToken.None);
        Assert.Equal(ExitCodes.Done, outcome.ExitCode);
    }

    private async Task<(long Halle, long Vilvoorde)> StampsAsync()
    {
        await using var db = _database.Open();
        var stamps = await db.Municipalities.ToDictionaryAsync(m => m.NisCode, m => m.NewcomersStamp);
        return (stamps["23027"], stamps["23088"]);
    }

    /// <summary>Runs <paramref name="write"/> on Halle's first newcomer and says which municipalities' stamps moved.</summary>
    private async Task<(bool Halle, bool Vilvoorde)> MovedByAsync(Func<PnxDb, IQueryable<Newcomer>, Task> write)
    {
        var before = await StampsAsync();
        await using (var db = _database.Open())
        {
            await write(db, db.Newcomers.Where(n => n.DossierNumber == "D-000000"));
        }

        var after = await StampsAsync();
        return (before.Halle != after.Halle, before.Vilvoorde != after.Vilvoorde);
    }

    public static TheoryData<string> PresenceChanges => ["withdrawn", "erased", "certificate", "confirmed", "municipality"];

    [Theory]
    [MemberData(nameof(PresenceChanges))]
    public async Task AChangeOfWhatDecidesPresenceStampsTheMunicipality(string change)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var vilvoorde = 0;
        await using (var db = _database.Open()) vilvoorde = await db.Municipalities.Where(m => m.NisCode == "23088").Select(m => m.Id).SingleAsync();
        var moved = await MovedByAsync((_, newcomer) => change switch
        {
            "withdrawn" => newcomer.ExecuteUpdateAsync(s => s.SetProperty(n => n.WithdrawnAt, now)),
            "erased" => newcomer.ExecuteUpdateAsync(s => s.SetProperty(n => n.ErasedAt, now)),
            "certificate" => newcomer.ExecuteUpdateAsync(s => s.SetProperty(n => n.CertificateDate, new DateOnly(2026, 1, 15))),
            "confirmed" => newcomer.ExecuteUpdateAsync(s => s.SetProperty(n => n.LastConfirmedAt, now.AddDays(1))),
            _ => newcomer.ExecuteUpdateAsync(s => s.SetProperty(n => n.MunicipalityId, vilvoorde)),
        });
        Assert.True(moved.Halle);
        Assert.Equal(change == "municipality", moved.Vilvoorde);
    }

    [Fact]
    public async Task AddingOrDeletingANewcomerStampsItsMunicipalityOnly()
    {
        Assert.Equal((true, false), await MovedByAsync(async (db, _) =>
        {
            var halle = await db.Municipalities.SingleAsync(m => m.NisCode == "23027");
            db.Newcomers.Add(new Newcomer { MunicipalityId = halle.Id, DossierNumber = "D-999999", FirstSharedAt = DateTime.UtcNow, LastConfirmedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }));
        Assert.Equal((true, false), await MovedByAsync((_, newcomer) => newcomer.ExecuteDeleteAsync()));
    }

    /// <summary>Case work and personal details change nobody's presence: no stamp, and on PostgreSQL no lock on the municipality's row.</summary>
    [Fact]
    public async Task CaseWorkAndPersonalDetailsDoNotStamp()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        Assert.Equal((false, false), await MovedByAsync((_, newcomer) => newcomer.ExecuteUpdateAsync(s => s
            .SetProperty(n => n.RecordedHours, 40).SetProperty(n => n.LastContactAt, now).SetProperty(n => n.Phone, "0470 12 34 56"))));
        // A statement that sets a deciding column to the value it has changes nothing either.
        Assert.Equal((false, false), await MovedByAsync((_, newcomer) => newcomer.ExecuteUpdateAsync(s => s.SetProperty(n => n.WithdrawnAt, n => n.WithdrawnAt))));
    }

    /// <summary>
    /// An import stamps each municipality it wrote (on SQLite once, its triggers suspended while it writes) and leaves the
    /// triggers as they were, also when it is refused; a snapshot's withdrawals stamp too.
    /// </summary>
    [Fact]
    public async Task AnImportStampsTheMunicipalitiesItWroteAndLeavesTheTriggersInPlace()
    {
        var triggers = await TriggersAsync();
        Assert.Equal(3, triggers.Count);

        var before = await StampsAsync();
        await ImportAsync("23027", 0, 1, 2, 3, 4);
        var after = await StampsAsync();
        Assert.NotEqual(before.Halle, after.Halle);
        Assert.Equal(before.Vilvoorde, after.Vilvoorde);
        Assert.Equal(triggers, await TriggersAsync());

        await using (var db = _database.Open())
        {
            var snapshot = await ImportApplier.ApplyAsync(db, _time, [Records.Newcomer(0, "23027"), Records.Newcomer(1, "23027"), Records.Newcomer(2, "23027")],
                new ImportOptions("23027", ImportMode.Snapshot, AllowMassWithdrawal: true), "newcomers.csv", CancellationToken.None);
            Assert.Equal(ExitCodes.Done, snapshot.ExitCode);
        }

        Assert.NotEqual(after.Halle, (await StampsAsync()).Halle);
        Assert.Equal(triggers, await TriggersAsync());

        // A bulk write that fails while the triggers are suspended rolls back with them: triggers and stamps as they were.
        var unchanged = await StampsAsync();
        await using (var db = _database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var halle = await db.Municipalities.Where(m => m.NisCode == "23027").Select(m => m.Id).SingleAsync();
            await Assert.ThrowsAsync<InvalidOperationException>(() => NewcomersStamp.WithTriggersSuspendedAsync(db, [halle], async () =>
            {
                await db.Newcomers.Where(n => n.MunicipalityId == halle).ExecuteUpdateAsync(s => s.SetProperty(n => n.WithdrawnAt, DateTime.UtcNow));
                throw new InvalidOperationException("the write failed");
            }, CancellationToken.None));
            await transaction.RollbackAsync();
        }

        Assert.Equal(unchanged, await StampsAsync());
        Assert.Equal(triggers, await TriggersAsync());

        // After the bulk writes, an ordinary write stamps again (PostgreSQL: the bulk setting lived in its transaction only).
        var now = _time.GetUtcNow().UtcDateTime;
        Assert.Equal((true, false), await MovedByAsync((_, newcomer) => newcomer.ExecuteUpdateAsync(s => s.SetProperty(n => n.WithdrawnAt, now))));
    }

    /// <summary>The triggers watch every column of a newcomer that the definition of a current newcomer reads.</summary>
    [Fact]
    public async Task TheTriggersWatchEveryColumnThatDecidesWhetherANewcomerIsCurrent()
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        new NewcomerMembers(read).Visit(CurrentNewcomers.Visible.For(1, new DateOnly(2026, 1, 1), DateTime.UtcNow));
        Assert.Superset(new HashSet<string>([nameof(Newcomer.MunicipalityId), nameof(Newcomer.WithdrawnAt), nameof(Newcomer.CertificateDate), nameof(Newcomer.LastConfirmedAt)]), read);
        var definitions = string.Join('\n', await TriggersAsync());
        foreach (var column in read) Assert.Contains($"\"{column}\"", definitions, StringComparison.Ordinal);
    }

    private sealed class NewcomerMembers(HashSet<string> names) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression?.Type == typeof(Newcomer)) names.Add(node.Member.Name);
            return base.VisitMember(node);
        }
    }

    /// <summary>The stamp triggers' definitions (with the WHEN that names the columns they watch).</summary>
    private async Task<List<string>> TriggersAsync()
    {
        await using var db = _database.Open();
        return db.Engine == DatabaseEngine.Postgres
            ? await db.Database.SqlQueryRaw<string>(
                "SELECT pg_get_triggerdef(oid) AS \"Value\" FROM pg_trigger WHERE tgname LIKE 'newcomers_stamp_%' ORDER BY tgname").ToListAsync()
            : await db.Database.SqlQueryRaw<string>(
                "SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'newcomers_stamp_%' ORDER BY name").ToListAsync();
    }
}
