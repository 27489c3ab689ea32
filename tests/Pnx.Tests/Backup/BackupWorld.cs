using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Cli;
using Pnx.Imports;
using Pnx.Tests.Imports;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Backup;

/// <summary>
/// A running installation (source) and an empty one to restore into (target), each a fresh real database of the
/// engine under test; the backup file lives in the source's data folder.
/// </summary>
public sealed class BackupWorld : IAsyncDisposable
{
    private BackupWorld(TestDatabase source, TestDatabase target, Microsoft.Extensions.Time.Testing.FakeTimeProvider time)
    {
        Source = source;
        Target = target;
        Time = time;
        Cli = PnxCli.For(source, time);
        TargetCli = PnxCli.For(target, time);
    }

    public TestDatabase Source { get; }

    public TestDatabase Target { get; }

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Time { get; }

    public PnxCli Cli { get; }

    public PnxCli TargetCli { get; }

    public string BackupPath => Path.Combine(Source.Settings.DataDir, "backup.pnx.zip");

    public string RegisterPath => Path.Combine(Source.Settings.DataDir, "verwijderingen.csv");

    /// <summary>Halle with newcomers D-000001..5, Gent with D-000011..12.</summary>
    public static async Task<BackupWorld> CreateAsync()
    {
        var world = new BackupWorld(await TestDatabase.CreateMigratedAsync(), await TestDatabase.CreateAsync(), new(PnxCli.DefaultNow));
        await world.Cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        await world.Cli.AddMunicipalityWithProtocolAsync("44021", "Gent");
        await world.ImportAsync(Halle(1, 2, 3, 4, 5));
        await world.ImportAsync(Gent(11, 12));
        return world;
    }

    public static NewcomerRecord[] Halle(params int[] numbers) => [.. numbers.Select(n => Records.Newcomer(n, "23027"))];

    public static NewcomerRecord[] Gent(params int[] numbers) => [.. numbers.Select(n => Records.Newcomer(n, "44021"))];

    public async Task ImportAsync(NewcomerRecord[] records, ImportMode mode = ImportMode.Snapshot)
    {
        await using var db = Source.Open();
        var outcome = await ImportApplier.ApplyAsync(db, Time, records, new ImportOptions(Mode: mode), "test.csv", CancellationToken.None);
        Assert.True(outcome.ExitCode == ExitCodes.Done, string.Join('\n', outcome.Errors));
    }

    public Task<CliRun> BackupAsync(int exitCode = ExitCodes.Done) => Cli.RunExpectingAsync(exitCode, "backup", "--out", BackupPath);

    public Task<CliRun> RestoreAsync(int exitCode, params string[] more) =>
        TargetCli.RunExpectingAsync(exitCode, ["restore", "--file", BackupPath, .. more]);

    /// <summary>
    /// The deletion register of the source as `pnx retention register` writes it: everyone whose personal data
    /// were erased, with the day and a rule.
    /// </summary>
    public async Task WriteRegisterFromSourceAsync()
    {
        await using var db = Source.Open();
        var erased = await db.Newcomers.Where(n => n.ErasedAt != null)
            .Select(n => new { n.DossierNumber, n.Municipality!.NisCode, n.ErasedAt })
            .ToListAsync();
        var text = new StringBuilder("Dossiernummer;NIS-code gemeente;Verwijderd op;Regel\r\n");
        foreach (var row in erased) text.Append(CultureInfo.InvariantCulture, $"{row.DossierNumber};{row.NisCode};{row.ErasedAt:yyyy-MM-dd};intrekking\r\n");
        await File.WriteAllTextAsync(RegisterPath, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    /// <summary>Dossier number → family name (null once erased) in the target.</summary>
    public async Task<Dictionary<string, string?>> TargetNamesAsync(string nis)
    {
        await using var db = Target.Open();
        return await db.Newcomers.Where(n => n.Municipality!.NisCode == nis).ToDictionaryAsync(n => n.DossierNumber, n => n.FamilyName);
    }

    /// <summary>Whether the target is still as empty as a restore requires.</summary>
    public async Task<bool> TargetIsEmptyAsync()
    {
        if (!Target.Settings.UsesPostgres)
        {
            return !Directory.EnumerateFileSystemEntries(Target.Settings.DataDir).Any()
                && !Directory.Exists(Path.TrimEndingDirectorySeparator(Target.Settings.DataDir) + ".restore-partial");
        }

        return (await Pnx.Backup.PostgresBackup.ObjectsAsync(Target.Settings.PostgresConnectionString!, CancellationToken.None)).Count == 0;
    }

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        await Target.DisposeAsync();
        if (!Target.Settings.UsesPostgres)
        {
            var staging = Path.TrimEndingDirectorySeparator(Target.Settings.DataDir) + ".restore-partial";
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
