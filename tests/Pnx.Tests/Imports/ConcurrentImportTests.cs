using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pnx.Cli;
using Pnx.Imports;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Imports;

/// <summary>
/// Imports of one municipality are serialised in the database (<c>NewcomerWriteLock</c>): two that start
/// together end with the data, the audit trail and the reported lines of one running after the other.
/// </summary>
public sealed class ConcurrentImportTests
{
    private const int Seeded = 1_200;
    private const int Rounds = 4;

    private static readonly FakeTimeProvider Time = new(PnxCli.DefaultNow);

    /// <summary>A snapshot that keeps the first 70 % changed (and so withdraws the rest).</summary>
    private static readonly List<NewcomerRecord> Snapshot =
        [.. Enumerable.Range(0, Seeded * 7 / 10).Select(i => Records.Newcomer(i, "23027").With(n => n.GivenNames = "Snapshot"))];

    /// <summary>An upsert that changes the second half and adds as many again, including what the snapshot withdraws.</summary>
    private static readonly List<NewcomerRecord> Upsert =
        [.. Enumerable.Range(Seeded / 2, Seeded).Select(i => Records.Newcomer(i, "23027").With(n => n.Street = "Upsert"))];

    [Fact]
    public async Task SnapshotAndUpsertOfOneMunicipalityStartedTogetherEndAsOneAfterTheOther()
    {
        var snapshotFirst = await SeededAsync(async database =>
            [.. await ImportAsync(database, Snapshot, ImportMode.Snapshot, "snapshot.csv"), .. await ImportAsync(database, Upsert, ImportMode.Upsert, "upsert.csv")]);
        var upsertFirst = await SeededAsync(async database =>
            [.. await ImportAsync(database, Upsert, ImportMode.Upsert, "upsert.csv"), .. await ImportAsync(database, Snapshot, ImportMode.Snapshot, "snapshot.csv")]);
        Assert.NotEqual(snapshotFirst, upsertFirst);

        for (var round = 0; round < Rounds; round++)
        {
            var together = await SeededAsync(async database =>
            {
                var start = new TaskCompletionSource();
                var snapshot = Task.Run(async () => { await start.Task; return await ImportAsync(database, Snapshot, ImportMode.Snapshot, "snapshot.csv"); });
                var upsert = Task.Run(async () => { await start.Task; return await ImportAsync(database, Upsert, ImportMode.Upsert, "upsert.csv"); });
                start.SetResult();
                return [.. await snapshot, .. await upsert];
            });

            // The lines of each import are compared as a set: which one prints first is not the point.
            var order = Same(together, snapshotFirst) ? "snapshot first" : Same(together, upsertFirst) ? "upsert first" : null;
            Assert.True(order is not null, $"round {round}: the result matches no serial order:\n{string.Join('\n', together.Take(2))}");
        }
    }

    private static bool Same(IReadOnlyList<string> a, IReadOnlyList<string> b) => a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal));

    /// <summary>Runs <paramref name="act"/> on a fresh seeded database; returns its lines, the audit trail after the seed and the data.</summary>
    private static async Task<List<string>> SeededAsync(Func<TestDatabase, Task<List<string>>> act)
    {
        await using var database = await TestDatabase.CreateAsync();
        await PnxCli.For(database, Time).AddMunicipalityWithProtocolAsync("23027", "Halle");
        await ImportAsync(database, [.. Enumerable.Range(0, Seeded).Select(i => Records.Newcomer(i, "23027"))], ImportMode.Snapshot, "seed.csv");
        long seeded;
        await using (var db = database.Open()) seeded = await db.AuditEntries.MaxAsync(e => e.Seq);

        var lines = await act(database);
        await using (var db = database.Open())
        {
            var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Seq > seeded).OrderBy(e => e.Seq)
                .Select(e => "audit " + e.Action + " " + e.Municipality + " " + e.Detail + " " + e.Subjects).ToListAsync();
            var rows = await db.Newcomers.AsNoTracking().ToListAsync();
            var data = rows.OrderBy(n => n.DossierNumber, StringComparer.Ordinal)
                .Select(n => $"row {n.DossierNumber} {n.WithdrawnAt} {n.ErasedAt} {string.Join('|', NewcomerFields.All.Select(f => f.ValueOf(n)))}");
            // The audit entries keep their order: it is the order the two imports committed in.
            return [.. lines, string.Join('\n', audit), .. data];
        }
    }

    private static async Task<List<string>> ImportAsync(TestDatabase database, List<NewcomerRecord> records, ImportMode mode, string file)
    {
        await using var db = database.Open();
        var outcome = await ImportApplier.ApplyAsync(db, Time, records, new ImportOptions(Mode: mode, AllowMassWithdrawal: true), file, CancellationToken.None);
        Assert.Equal(ExitCodes.Done, outcome.ExitCode);
        return [.. outcome.Lines.Select(l => file + ": " + l)];
    }
}
