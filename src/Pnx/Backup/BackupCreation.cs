using System.Globalization;
using Pnx.Audit;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Exports;
using Pnx.Hosting;

namespace Pnx.Backup;

/// <summary>
/// Makes the backup file: the engine's consistent copy plus a manifest, written to `PATH.partial` and moved into
/// place together with its `backup.create` audit entry (ids and counts only). The entry is not in the copy itself:
/// the copy is the state just before it.
/// </summary>
public static class BackupCreation
{
    public static async Task<int> RunAsync(CliContext context, string path, CancellationToken ct)
    {
        if (OutputPath.Problem("--out", path) is { } problem)
        {
            await context.Error.WriteLineAsync(problem);
            return ExitCodes.Rejected;
        }

        if (File.Exists(path))
        {
            await context.Error.WriteLineAsync($"--out: \"{path}\" already exists; a backup never replaces a file. Give a new file name.");
            return ExitCodes.Rejected;
        }

        await using var db = await context.OpenDatabaseAsync(ct);
        BackupManifest? manifest = null;
        try
        {
            await AuditedExportFile.WriteAsync(db, context.Time, path, async (partial, token) =>
            {
                manifest = await WriteArchiveAsync(context.Settings, db.Engine, partial, context.Time.GetUtcNow().UtcDateTime, token);
                return new AuditRecord(context.Actor, "backup.create", null, [], null, Describe(manifest));
            }, overwrite: false, ct);
        }
        catch (ToolMissingException missing)
        {
            await context.Error.WriteLineAsync(missing.Message);
            return ExitCodes.Failure;
        }

        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"backup written to {path}: {manifest!.Engine}, schema {manifest.SchemaVersion}, {manifest.Rows.Count} tables, {manifest.Rows.Values.Sum()} rows, audit head {manifest.AuditHead}"));
        return ExitCodes.Done;
    }

    /// <summary>Writes the archive of the database <paramref name="settings"/> name, as it is (no migration first).</summary>
    public static Task<BackupManifest> WriteArchiveAsync(PnxSettings settings, DatabaseEngine engine, string partial, DateTime createdAt, CancellationToken ct)
    {
        if (engine == DatabaseEngine.Postgres)
        {
            return BackupArchive.WriteAsync(partial, "postgres", "database.pgdump", createdAt, compress: false,
                (stream, token) => PostgresBackup.DumpAsync(settings.PostgresConnectionString!, stream, token), ct);
        }

        return BackupArchive.WriteAsync(partial, "sqlite", "pnx.db", createdAt, compress: true, async (stream, token) =>
        {
            var copy = partial + ".db";
            try
            {
                var facts = await SqliteBackup.CopyAsync(settings, copy, token);
                await using var file = new FileStream(copy, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await file.CopyToAsync(stream, token);
                return facts;
            }
            finally
            {
                SqliteBackup.Delete(copy);
            }
        }, ct);
    }

    /// <summary>The audit detail: what was copied, in counts only.</summary>
    private static string Describe(BackupManifest manifest) => string.Create(CultureInfo.InvariantCulture,
        $"{manifest.Engine}, schema {manifest.SchemaVersion}, {manifest.Rows.Values.Sum()} rows in {manifest.Rows.Count} tables, audit head {manifest.AuditHead}");
}
