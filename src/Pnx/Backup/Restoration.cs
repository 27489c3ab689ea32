using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Retention;

namespace Pnx.Backup;

/// <summary>
/// `pnx restore`: every check that can refuse comes first (the register, the manifest, the engine, the schema, an
/// empty target), so a refusal restores nothing. Then: load, compare with the manifest's counts, migrate forward,
/// remove again everyone in the register, apply retention, and only then hand the database over.
/// </summary>
public static class Restoration
{
    public static async Task<int> RunAsync(CliContext context, string file, string? registerPath, CancellationToken ct)
    {
        IReadOnlyList<Deletion>? deletions = null;
        if (registerPath is not null)
        {
            var register = DeletionRegister.Read(registerPath, context.Today);
            foreach (var problem in register.Problems) await context.Error.WriteLineAsync(problem.Format(Path.GetFileName(registerPath)));
            if (register.Problems.Count > 0)
            {
                await context.Error.WriteLineAsync("Nothing was restored.");
                return ExitCodes.Rejected;
            }

            deletions = register.Deletions;
        }

        var name = Path.GetFileName(file);
        if (!File.Exists(file))
        {
            await context.Error.WriteLineAsync($"--file: \"{file}\" does not exist.");
            return ExitCodes.Rejected;
        }

        if (ManifestProblem(context, file, out var manifest) is { } refusal)
        {
            await context.Error.WriteLineAsync($"{name}: {refusal}; nothing was restored.");
            return ExitCodes.Rejected;
        }

        var target = IRestoreTarget.For(context.Settings);
        if (await target.RefusalAsync(ct) is { } notEmpty)
        {
            await context.Error.WriteLineAsync(notEmpty);
            return ExitCodes.Refused;
        }

        try
        {
            var restored = await target.LoadAsync(file, manifest, ct);
            await CheckCountsAsync(restored, manifest, ct);
            await PnxDbFactory.MigrateAsync(restored, ct);
            await using (var db = PnxDbFactory.Create(restored))
            {
                await RecordRestoreAsync(db, context, name, manifest, ct);
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"restored {name}: {manifest.Engine}, made {manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC, schema {manifest.SchemaVersion}, {manifest.Rows.Values.Sum()} rows, audit head {manifest.AuditHead}"));
                if (deletions is not null)
                {
                    foreach (var result in await RestoreDeletions.RunAsync(db, context.Time, context.Actor, deletions, ct))
                        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.NisCode} {result.Name ?? "(not in the backup)"}: {result.Removed} removed again"));
                }

                foreach (var result in await RetentionPurge.RunAsync(db, context.Time, context.Actor, ct))
                    await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.NisCode} {result.Name}: {result.Erased} erased (retention ended or withdrawn)"));
            }

            await target.PublishAsync(ct);
            return ExitCodes.Done;
        }
        catch (DamagedBackupException damaged)
        {
            await target.UndoAsync();
            await context.Error.WriteLineAsync($"{name}: {damaged.Message}; nothing was restored.");
            return ExitCodes.Rejected;
        }
        catch (ToolMissingException missing)
        {
            await target.UndoAsync();
            await context.Error.WriteLineAsync(missing.Message);
            return ExitCodes.Failure;
        }
        catch
        {
            await target.UndoAsync();
            throw;
        }
    }

    /// <summary>Why this file cannot be restored here, before the target is touched; null when it can.</summary>
    private static string? ManifestProblem(CliContext context, string file, out BackupManifest manifest)
    {
        manifest = BackupArchive.ReadManifest(file, out var problem)!;
        if (manifest is null) return problem;
        var engine = BackupManifest.EngineName(context.Settings.UsesPostgres ? DatabaseEngine.Postgres : DatabaseEngine.Sqlite);
        if (manifest.Engine != engine)
        {
            return
                $"it is a backup of a {manifest.Engine} database, and this installation uses {engine} ({(context.Settings.UsesPostgres ? "PNX_DATABASE is set" : "PNX_DATABASE is not set")}); restore it into a {manifest.Engine} installation";
        }

        using var db = PnxDbFactory.Create(context.Settings);
        return db.Database.GetMigrations().Contains(manifest.SchemaVersion, StringComparer.Ordinal)
            ? null
            : $"its schema version {manifest.SchemaVersion} is unknown to this version of pnx (a backup of a newer version?)";
    }

    /// <summary>The copy must hold exactly what the manifest counted when it was made, table by table.</summary>
    private static async Task CheckCountsAsync(PnxSettings restored, BackupManifest manifest, CancellationToken ct)
    {
        await using var db = PnxDbFactory.Create(restored);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        var counts = await DatabaseFacts.CountAsync(connection, db.Engine, manifest.Rows.Keys, ct);
        foreach (var (table, expected) in manifest.Rows)
        {
            if (counts[table] != expected)
            {
                throw new DamagedBackupException(string.Create(CultureInfo.InvariantCulture,
                    $"the restored table {table} holds {counts[table]} rows where the manifest counted {expected}"));
            }
        }
    }

    private static async Task RecordRestoreAsync(PnxDb db, CliContext context, string name, BackupManifest manifest, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await AuditTrail.AppendAsync(db, context.Time, new AuditRecord(context.Actor, "backup.restore", null, [], null, string.Create(CultureInfo.InvariantCulture,
            $"{name}: {manifest.Engine}, made {manifest.CreatedAt:yyyy-MM-ddTHH:mm:ssZ}, schema {manifest.SchemaVersion}, audit head then {manifest.AuditHead}")), ct);
        await transaction.CommitAsync(ct);
    }
}
