using System.IO.Compression;
using System.Security.Cryptography;

namespace Pnx.Backup;

/// <summary>
/// The backup file: one zip holding manifest.json and the engine's copy of the database, so that it is one
/// artefact to keep, and a restore can read what it is before it restores anything.
/// </summary>
public static class BackupArchive
{
    /// <summary>Writes the archive; <paramref name="writeDatabase"/> writes the copy and returns its facts.</summary>
    public static async Task<BackupManifest> WriteAsync(
        string path, string engine, string databaseEntry, DateTime createdAt, bool compress,
        Func<Stream, CancellationToken, Task<DatabaseFacts>> writeDatabase, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        BackupManifest manifest;
        await using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            DatabaseFacts facts;
            string sha256;
            var entry = zip.CreateEntry(databaseEntry, compress ? CompressionLevel.Fastest : CompressionLevel.NoCompression);
            await using (var entryStream = await entry.OpenAsync(ct))
            {
                using var hash = SHA256.Create();
                await using (var hashing = new CryptoStream(entryStream, hash, CryptoStreamMode.Write, leaveOpen: true))
                {
                    facts = await writeDatabase(hashing, ct);
                    await hashing.FlushFinalBlockAsync(ct);
                }

                sha256 = Convert.ToHexStringLower(hash.Hash!);
            }

            manifest = new BackupManifest(BackupManifest.FormatName, BackupManifest.CurrentFormatVersion, engine, facts.SchemaVersion,
                createdAt, facts.AuditHead, facts.Rows, databaseEntry, sha256);
            var manifestEntry = zip.CreateEntry(BackupManifest.EntryName, CompressionLevel.Optimal);
            await using var manifestStream = await manifestEntry.OpenAsync(ct);
            await manifestStream.WriteAsync(manifest.ToJson(), ct);
        }

        await file.FlushAsync(ct);
        file.Flush(flushToDisk: true);
        return manifest;
    }

    /// <summary>The manifest, or the reason the file is not a readable pnx backup.</summary>
    public static BackupManifest? ReadManifest(string path, out string? problem)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry(BackupManifest.EntryName) is not { } entry)
            {
                problem = "it is not a pnx backup (no manifest.json)";
                return null;
            }

            using var stream = entry.Open();
            var manifest = BackupManifest.Read(stream, out problem);
            if (manifest is not null && zip.GetEntry(manifest.DatabaseEntry) is null)
            {
                problem = "it holds no database copy";
                return null;
            }

            return manifest;
        }
        catch (InvalidDataException)
        {
            problem = "it is not a pnx backup (not a readable zip archive)";
            return null;
        }
    }

    /// <summary>Extracts the database copy to <paramref name="target"/>; false when it does not match the manifest's hash.</summary>
    public static async Task<bool> ExtractDatabaseAsync(string path, BackupManifest manifest, string target, CancellationToken ct)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.GetEntry(manifest.DatabaseEntry)!;
            using var hash = SHA256.Create();
            await using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            await using (var input = await entry.OpenAsync(ct))
            await using (var hashing = new CryptoStream(input, hash, CryptoStreamMode.Read))
            {
                await hashing.CopyToAsync(output, ct);
                output.Flush(flushToDisk: true);
            }

            return string.Equals(Convert.ToHexStringLower(hash.Hash!), manifest.DatabaseSha256, StringComparison.Ordinal);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
