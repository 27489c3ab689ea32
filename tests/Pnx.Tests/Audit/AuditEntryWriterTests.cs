using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Pnx.Audit;
using Pnx.Municipalities;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Audit;

/// <summary>The chain's rows are written with plain commands (<see cref="AuditEntryWriter"/>), not EF Core's change tracker.</summary>
public sealed class AuditEntryWriterTests
{
    [Fact]
    public async Task TheWriterWritesEveryColumnOfTheModelsAuditEntry()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.Open();
        var columns = db.Model.FindEntityType(typeof(AuditEntry))!.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal);
        Assert.Equal(columns, AuditEntryWriter.Columns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ABatchReadsBackValueForValueAndTheChainVerifies()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        // A time with microseconds and ticks below them (dropped by the trail), nulls, quotes and non-Latin text.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 21, 45, 12, TimeSpan.Zero).AddTicks(1_234_567));
        AuditRecord[] records =
        [
            new("user:a", "newcomer.view", "23027", ["D1"], AuditPurposes.Steering),
            new("cli:root", "backup.restore", null, [], null, "file \"x.tar\"; Київ, ኣስመራ, بغداد"),
            new("user:b", "newcomer.list", "44021", ["D2", "D3"], AuditPurposes.Steering, null),
        ];
        await using (var db = database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await AuditTrail.AppendAsync(db, clock, records);
            await AuditTrail.AppendAsync(db, clock, records[..1]);
            await transaction.CommitAsync();
        }

        await using (var db = database.Open())
        {
            var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).ToListAsync();
            Assert.Equal([1L, 2, 3, 4], entries.Select(e => e.Seq));
            Assert.All(entries, e => Assert.Equal(new DateTime(2026, 12, 3, 21, 45, 12, DateTimeKind.Utc).AddTicks(1_234_560), e.At.ToUniversalTime()));
            Assert.Equal(["user:a", "cli:root", "user:b", "user:a"], entries.Select(e => e.Actor));
            Assert.Equal(["23027", null, "44021", "23027"], entries.Select(e => e.Municipality));
            Assert.Equal(["[\"D1\"]", "[]", "[\"D2\",\"D3\"]", "[\"D1\"]"], entries.Select(e => e.Subjects));
            Assert.Equal([AuditPurposes.Steering, null, AuditPurposes.Steering, AuditPurposes.Steering], entries.Select(e => e.Purpose));
            Assert.Equal([null, "file \"x.tar\"; Київ, ኣስመራ, بغداد", null, null], entries.Select(e => e.Detail));
            Assert.All(entries, e => Assert.Equal(AuditHash.Compute(e), e.Hash));
            Assert.Equal(entries.Select(e => e.Hash).SkipLast(1), entries.Skip(1).Select(e => e.Prev));
            var head = await AuditHead.ReadAsync(db, CancellationToken.None);
            Assert.Equal((4L, entries[^1].Hash), (head.Seq, head.Hash));
            Assert.True((await AuditVerifier.VerifyAsync(db, CancellationToken.None)).Intact);
        }
    }

    [Fact]
    public async Task TheCallersOwnChangesAreSavedWithItsEntryAndBothRollBackTogether()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var record = new AuditRecord("cli:test", "municipality.add", "23027", []);
        await using (var db = database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Municipalities.Add(new Municipality { NisCode = "23027", Name = "Halle" });
            await AuditTrail.AppendAsync(db, TimeProvider.System, record);
            // Not committed: neither the municipality nor its entry nor the head's move may remain.
        }

        await using (var db = database.Open())
        {
            Assert.Equal(0, await db.Municipalities.CountAsync());
            Assert.Equal(0, await db.AuditEntries.CountAsync());
            Assert.Equal(0, (await AuditHead.ReadAsync(db, CancellationToken.None)).Seq);
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Municipalities.Add(new Municipality { NisCode = "23027", Name = "Halle" });
            await AuditTrail.AppendAsync(db, TimeProvider.System, record);
            await transaction.CommitAsync();
        }

        await using (var db = database.Open())
        {
            Assert.Equal("Halle", (await db.Municipalities.SingleAsync()).Name);
            Assert.Equal("municipality.add", (await db.AuditEntries.SingleAsync()).Action);
            Assert.Equal(1, (await AuditHead.ReadAsync(db, CancellationToken.None)).Seq);
        }
    }
}
