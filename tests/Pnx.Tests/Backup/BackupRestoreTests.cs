using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Pnx.Audit;
using Pnx.Backup;
using Pnx.Cli;
using Pnx.Imports;

namespace Pnx.Tests.Backup;

/// <summary>Contract §9: a backup restored with the deletion register brings nobody removed back; on both engines.</summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task RestoreWithTheRegisterBringsNobodyRemovedBackAndEveryoneElseBack()
    {
        await using var world = await BackupWorld.CreateAsync();
        await world.BackupAsync();
        Assert.Empty(Directory.GetFiles(world.Source.Settings.DataDir, "*.partial*"));

        // After the backup, the agency withdraws D-000002 and D-000004 of Halle (a snapshot without them).
        world.Time.Advance(TimeSpan.FromDays(1));
        await world.ImportAsync(BackupWorld.Halle(1, 3, 5));
        await world.WriteRegisterFromSourceAsync();
        await File.AppendAllTextAsync(world.RegisterPath, "D-000009;11002;2026-06-16T08:30:00+02:00;attest\r\n");

        var run = await world.RestoreAsync(ExitCodes.Done, "--deletions", world.RegisterPath);

        Assert.Contains("23027 Halle: 2 removed again", run.Out, StringComparison.Ordinal);
        Assert.Contains("11002 (not in the backup): 0 removed again", run.Out, StringComparison.Ordinal);
        var halle = await world.TargetNamesAsync("23027");
        Assert.Null(halle["D-000002"]);
        Assert.Null(halle["D-000004"]);
        Assert.All(new[] { "D-000001", "D-000003", "D-000005" }, d => Assert.Equal("Peeters", halle[d]));
        Assert.All((await world.TargetNamesAsync("44021")).Values, name => Assert.Equal("Peeters", name));
        await using (var db = world.Target.Open())
        {
            var removed = await db.Newcomers.Where(n => n.DossierNumber == "D-000002" || n.DossierNumber == "D-000004").ToListAsync();
            Assert.All(removed, n =>
            {
                Assert.NotNull(n.ErasedAt);
                Assert.Null(n.GivenNames);
                Assert.Null(n.SearchName);
                Assert.Null(n.Email);
                Assert.Null(n.Phone);
                Assert.Null(n.Street);
                Assert.Null(n.CertificateDate);
            });
            var entry = await db.AuditEntries.SingleAsync(e => e.Action == "restore.deletions");
            Assert.Equal("23027", entry.Municipality);
            Assert.Equal("[\"D-000002\",\"D-000004\"]", entry.Subjects);
            Assert.Single(await db.AuditEntries.Where(e => e.Action == "backup.restore").ToListAsync());
        }

        await world.TargetCli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
    }

    [Fact]
    public async Task SomeoneSharedAgainAfterTheirRemovalStaysWhenTheBackupHoldsTheNewShare()
    {
        await using var world = await BackupWorld.CreateAsync();
        world.Time.Advance(TimeSpan.FromDays(1));
        await world.ImportAsync(BackupWorld.Halle(1, 2, 3, 5));
        await world.WriteRegisterFromSourceAsync();
        Assert.Contains("D-000004", await File.ReadAllTextAsync(world.RegisterPath), StringComparison.Ordinal);
        world.Time.Advance(TimeSpan.FromDays(1));
        await world.ImportAsync(BackupWorld.Halle(1, 2, 3, 4, 5));
        await world.BackupAsync();

        var run = await world.RestoreAsync(ExitCodes.Done, "--deletions", world.RegisterPath);

        Assert.Contains("23027 Halle: 0 removed again", run.Out, StringComparison.Ordinal);
        Assert.Equal("Peeters", (await world.TargetNamesAsync("23027"))["D-000004"]);
    }

    [Fact]
    public async Task BackupWhileWritesHappenIsOneConsistentState()
    {
        await using var world = await BackupWorld.CreateAsync();
        long before;
        await using (var db = world.Source.Open()) before = await db.AuditEntries.CountAsync();

        using var stop = new CancellationTokenSource();
        var commits = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var db = world.Source.Open();
                await using var transaction = await db.Database.BeginTransactionAsync();
                await AuditTrail.AppendAsync(db, world.Time, [.. Enumerable.Range(0, 3).Select(_ => new AuditRecord("test:writer", "test.write", null, []))]);
                await transaction.CommitAsync();
                Interlocked.Increment(ref commits);
            }
        });
        while (Volatile.Read(ref commits) < 3 && !writer.IsCompleted) await Task.Delay(10);
        await world.BackupAsync();
        var afterBackup = Volatile.Read(ref commits);
        while (Volatile.Read(ref commits) < afterBackup + 3 && !writer.IsCompleted) await Task.Delay(10);
        await stop.CancelAsync();
        await writer;

        var manifest = BackupArchive.ReadManifest(world.BackupPath, out var problem);
        Assert.True(manifest is not null, problem);
        var copied = manifest.Rows["audit_entries"];
        // Only whole transactions are in the copy, and the head row agrees with the entries table.
        Assert.Equal(0, (copied - before) % 3);
        Assert.StartsWith(copied.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ", manifest.AuditHead, StringComparison.Ordinal);
        await using (var db = world.Source.Open())
        {
            Assert.True(copied < await db.AuditEntries.CountAsync(e => e.Action == "test.write") + before, "writes went on after the copy");
            var created = await db.AuditEntries.SingleAsync(e => e.Action == "backup.create");
            Assert.Equal("[]", created.Subjects);
        }

        await world.RestoreAsync(ExitCodes.Done);
        await using (var db = world.Target.Open())
        {
            Assert.Equal(copied + 1, await db.AuditEntries.CountAsync());
            Assert.Equal(manifest.Rows["newcomers"], await db.Newcomers.CountAsync());
        }

        await world.TargetCli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
    }

    [Fact]
    public async Task BackupNeverReplacesAnExistingFile()
    {
        await using var world = await BackupWorld.CreateAsync();
        await File.WriteAllTextAsync(world.BackupPath, "keep me");

        var run = await world.BackupAsync(ExitCodes.Rejected);

        Assert.Contains("already exists", run.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(world.BackupPath));
        await using var db = world.Source.Open();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "backup.create"));
    }

    [Fact]
    public async Task RestoreRefusesATargetThatIsNotEmpty()
    {
        await using var world = await BackupWorld.CreateAsync();
        await world.BackupAsync();
        await Pnx.Data.PnxDbFactory.MigrateAsync(world.Target.Settings);
        await using (var db = world.Target.Open()) Assert.Equal(0, await db.Newcomers.CountAsync());

        var run = await world.RestoreAsync(ExitCodes.Refused);

        Assert.Contains("is not empty", run.Error, StringComparison.Ordinal);
        await using (var db = world.Target.Open()) Assert.Equal(0, await db.Newcomers.CountAsync());
    }

    [Fact]
    public async Task AForeignFileIsRefusedAndTheTargetStaysEmpty()
    {
        await using var world = await BackupWorld.CreateAsync();
        await File.WriteAllBytesAsync(world.BackupPath, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);
        Assert.Contains("not a pnx backup", (await world.RestoreAsync(ExitCodes.Rejected)).Error, StringComparison.Ordinal);

        File.Delete(world.BackupPath);
        using (var zip = ZipFile.Open(world.BackupPath, ZipArchiveMode.Create))
        {
            await using var entry = zip.CreateEntry("Inburgeraars.xml").Open();
            entry.WriteByte(1);
        }

        Assert.Contains("not a pnx backup", (await world.RestoreAsync(ExitCodes.Rejected)).Error, StringComparison.Ordinal);
        Assert.True(await world.TargetIsEmptyAsync());
    }

    [Fact]
    public async Task ADamagedBackupIsRefusedAndTheTargetStaysEmpty()
    {
        await using var world = await BackupWorld.CreateAsync();
        await world.BackupAsync();
        var manifest = BackupArchive.ReadManifest(world.BackupPath, out _)!;
        using (var zip = ZipFile.Open(world.BackupPath, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry(manifest.DatabaseEntry)!;
            using var copy = new MemoryStream();
            await using (var read = entry.Open()) await read.CopyToAsync(copy);
            var bytes = copy.ToArray();
            bytes[bytes.Length / 2] ^= 0xFF;
            entry.Delete();
            await using var write = zip.CreateEntry(manifest.DatabaseEntry).Open();
            await write.WriteAsync(bytes);
        }

        var run = await world.RestoreAsync(ExitCodes.Rejected);

        Assert.Contains("damaged", run.Error, StringComparison.Ordinal);
        Assert.True(await world.TargetIsEmptyAsync());
    }

    [Fact]
    public async Task ABackupOfTheOtherEngineIsRefused()
    {
        await using var world = await BackupWorld.CreateAsync();
        await world.BackupAsync();
        var manifest = BackupArchive.ReadManifest(world.BackupPath, out _)!;
        var other = manifest.Engine == "sqlite" ? "postgres" : "sqlite";
        using (var zip = ZipFile.Open(world.BackupPath, ZipArchiveMode.Update))
        {
            zip.GetEntry(BackupManifest.EntryName)!.Delete();
            await using var write = zip.CreateEntry(BackupManifest.EntryName).Open();
            await write.WriteAsync((manifest with { Engine = other }).ToJson());
        }

        var run = await world.RestoreAsync(ExitCodes.Rejected);

        Assert.Contains($"a backup of a {other} database", run.Error, StringComparison.Ordinal);
        Assert.True(await world.TargetIsEmptyAsync());
    }

    [Fact]
    public async Task ABadRegisterRowIsRefusedNamingRowAndColumnAndNothingIsRestored()
    {
        await using var world = await BackupWorld.CreateAsync();
        await world.BackupAsync();
        await File.WriteAllTextAsync(world.RegisterPath,
            "Dossiernummer;NIS-code gemeente;Verwijderd op;Regel\nD-000002;23027;2026-06-01;intrekking\nD-000004;2302;2026-06-01;intrekking\nD 5;23027;31/02/2026;\nD-000006;23027;2026-06-01;weg\n");

        var run = await world.RestoreAsync(ExitCodes.Rejected, "--deletions", world.RegisterPath);

        Assert.Contains("verwijderingen.csv: row 3, column \"NIS-code gemeente\": \"2302\" is not a NIS code (five digits)", run.ErrorLines);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("verwijderingen.csv: row 4, column \"Dossiernummer\":", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("verwijderingen.csv: row 4, column \"Verwijderd op\":", StringComparison.Ordinal));
        Assert.Contains("verwijderingen.csv: row 4, column \"Regel\": is required but empty", run.ErrorLines);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("verwijderingen.csv: row 5, column \"Regel\": \"weg\" is not one of the rules 'attest'", StringComparison.Ordinal));
        Assert.True(await world.TargetIsEmptyAsync());

        await File.WriteAllTextAsync(world.RegisterPath, "Dossiernummer;NIS-code;Verwijderd op;Regel\nD-000002;23027;2026-06-01;intrekking\n");
        Assert.Contains("row 1", (await world.RestoreAsync(ExitCodes.Rejected, "--deletions", world.RegisterPath)).Error, StringComparison.Ordinal);
        Assert.True(await world.TargetIsEmptyAsync());
    }

    [Fact]
    public async Task ABackupOfAnOlderSchemaIsMigratedForward()
    {
        await using var world = await BackupWorld.CreateAsync();
        await using var old = await Infrastructure.TestDatabase.CreateAsync();
        string first, last;
        await using (var db = old.Open())
        {
            var migrations = db.Database.GetMigrations().ToList();
            (first, last) = (migrations[0], migrations[^1]);
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(first);
            await db.Database.ExecuteSqlAsync($"INSERT INTO municipalities (\"NisCode\", \"Name\", \"CreatedAt\") VALUES ('23027', 'Halle', {PnxCliNow})");
        }

        var engine = Infrastructure.TestDatabase.UsesPostgres ? Pnx.Data.DatabaseEngine.Postgres : Pnx.Data.DatabaseEngine.Sqlite;
        await BackupCreation.WriteArchiveAsync(old.Settings, engine, world.BackupPath, PnxCliNow, CancellationToken.None);
        Assert.Equal(first, BackupArchive.ReadManifest(world.BackupPath, out _)!.SchemaVersion);

        await world.RestoreAsync(ExitCodes.Done);

        await using (var db = world.Target.Open())
        {
            Assert.Equal(last, (await db.Database.GetAppliedMigrationsAsync()).Last());
            Assert.Equal("Halle", (await db.Municipalities.SingleAsync()).Name);
        }

        await world.TargetCli.RunExpectingAsync(ExitCodes.Done, "audit", "verify");
    }

    private static DateTime PnxCliNow => Infrastructure.PnxCli.DefaultNow.UtcDateTime;
}
