using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Imports.Upload;

/// <summary>
/// Keeps an uploaded file between preview and apply: in the database (<see cref="StagedUpload"/>), under a random
/// key bound to the uploader and the page's <paramref name="kind"/>, never in a cookie or a form. A file is
/// removed when applied; one not applied within an hour can no longer be, and the daily jobs remove it.
/// </summary>
public sealed class UploadStore(PnxDb db, TimeProvider time, string kind)
{
    public const string Newcomers = "newcomers";
    public const string Activities = "activities";
    public const string Statuses = "statuses";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>What the upload pages say when the staged file is gone.</summary>
    public const string GoneMessage = "Het opgeladen bestand is niet meer beschikbaar (na een uur wordt het verwijderd). Laad het opnieuw op.";

    /// <summary>
    /// The preview step of every upload page: runs <paramref name="run"/> on the file as a dry run, and stages it
    /// (returning its key) only when the dry run passed.
    /// </summary>
    public async Task<(string? UploadId, string Name, T Outcome)> PreviewAsync<T>(
        IFormFile file, string ownerId, Func<byte[], string, bool, CancellationToken, Task<T>> run, Func<T, int> exitCode, CancellationToken ct)
    {
        // The page's request size limit bounds the length.
        var content = new byte[checked((int)file.Length)];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        var name = SafeName(file.FileName);
        var outcome = await run(content, name, true, ct);
        if (exitCode(outcome) != Cli.ExitCodes.Done) return (null, name, outcome);

        // The dry run's work is over (and rolled back): only the staged file is saved.
        db.ChangeTracker.Clear();
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.StagedUploads.Add(new StagedUpload
        {
            Key = key, Owner = ownerId, Kind = kind, CreatedAt = Now, Extension = ExtensionOf(name), Content = content,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (key, name, outcome);
    }

    /// <summary>
    /// The apply step: takes the staged file out of the store and runs it for real; null when it is gone (applied
    /// already, expired, someone else's or another page's). Taking it out first means two clicks, or two server
    /// instances, never apply one upload twice.
    /// </summary>
    public async Task<(string Name, T Outcome)?> ApplyAsync<T>(
        string? id, string ownerId, Func<byte[], string, bool, CancellationToken, Task<T>> run, CancellationToken ct)
    {
        if (id is not { Length: 32 } || !id.All(char.IsAsciiHexDigitLower)) return null;
        var since = Now - Lifetime;
        var upload = await db.StagedUploads.AsNoTracking()
            .Where(u => u.Key == id && u.Owner == ownerId && u.Kind == kind && u.CreatedAt > since)
            .Select(u => new { u.Extension, u.Content })
            .SingleOrDefaultAsync(ct);
        if (upload is null) return null;
        if (await db.StagedUploads.Where(u => u.Key == id && u.Owner == ownerId).ExecuteDeleteAsync(ct) == 0) return null;
        var name = "upload" + upload.Extension;
        return (name, await run(upload.Content, name, false, ct));
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string ExtensionOf(string name)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        return extension is { Length: > 1 and <= 10 } && extension[1..].All(char.IsAsciiLetterOrDigit) ? extension : "";
    }

    /// <summary>Only the file name, in plain characters: it appears in the preview's messages.</summary>
    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name);
        var safe = new string(file.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ' ').Take(80).ToArray()).Trim();
        return safe.Length == 0 ? "upload" : safe;
    }
}
