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
        if (!IsKey(id)) return null;
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

    /// <summary>
    /// The apply step of a background import: marks the staged file queued, so it can be applied only once (two
    /// clicks or two instances: one wins); false when it is gone (applied already, expired, someone else's or another page's).
    /// </summary>
    public async Task<bool> QueueAsync(string? id, string ownerId, CancellationToken ct)
    {
        if (!IsKey(id)) return false;
        var (now, since) = (Now, Now - Lifetime);
        return await db.StagedUploads
            .Where(u => u.Key == id && u.Owner == ownerId && u.Kind == kind && u.CreatedAt > since && u.State == null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.State, UploadStates.Queued).SetProperty(u => u.UpdatedAt, now), ct) == 1;
    }

    /// <summary>Puts a queued file back (the queue was full), so it can be applied again.</summary>
    public Task<int> UnqueueAsync(string id, string ownerId, CancellationToken ct) =>
        db.StagedUploads.Where(u => u.Key == id && u.Owner == ownerId && u.Kind == kind && u.State == UploadStates.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.State, (string?)null).SetProperty(u => u.UpdatedAt, (DateTime?)null), ct);

    /// <summary>An applied upload's state, only for its uploader on this page; null otherwise (or when it is gone).</summary>
    public async Task<UploadStatus?> StatusAsync(string? id, string ownerId, CancellationToken ct)
    {
        if (!IsKey(id)) return null;
        return await db.StagedUploads.AsNoTracking()
            .Where(u => u.Key == id && u.Owner == ownerId && u.Kind == kind && u.State != null)
            .Select(u => new UploadStatus(u.State!, u.RowsRead, u.Fraction, u.OutcomeJson))
            .SingleOrDefaultAsync(ct);
    }

    private static bool IsKey(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

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

/// <summary>How far an applied upload has come, as the page shows it.</summary>
public sealed record UploadStatus(string State, int RowsRead, double? Fraction, string? OutcomeJson)
{
    public bool IsRunning => UploadStates.IsRunning(State);

    public UploadOutcome? Outcome => UploadOutcome.FromJson(OutcomeJson);
}
