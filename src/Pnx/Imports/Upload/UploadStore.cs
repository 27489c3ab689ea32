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
    /// The preview step of the pages whose dry run runs in the request: runs <paramref name="run"/> on the file as a
    /// dry run, and stages it (returning its key) only when the dry run passed.
    /// </summary>
    public async Task<(string? UploadId, string Name, T Outcome)> PreviewAsync<T>(
        IFormFile file, string ownerId, Func<byte[], string, bool, CancellationToken, Task<T>> run, Func<T, int> exitCode, CancellationToken ct)
    {
        var (name, content) = await ReadAsync(file, ct);
        var outcome = await run(content, name, true, ct);
        if (exitCode(outcome) != Cli.ExitCodes.Done) return (null, name, outcome);

        // The dry run's work is over (and rolled back): only the staged file is saved.
        db.ChangeTracker.Clear();
        return (await SaveAsync(name, content, ownerId, null, ct), name, outcome);
    }

    /// <summary>
    /// The preview step of a background import: stages the file, <see cref="UploadStates.Queued"/> for its dry run;
    /// its key and its name in plain characters.
    /// </summary>
    public async Task<(string Key, string Name)> StageForCheckAsync(IFormFile file, string ownerId, CancellationToken ct)
    {
        var (name, content) = await ReadAsync(file, ct);
        return (await SaveAsync(name, content, ownerId, UploadStates.Queued, ct), name);
    }

    /// <summary>Removes a staged file that could not be queued (the queue was full).</summary>
    public Task<int> RemoveAsync(string id, string ownerId, CancellationToken ct) =>
        db.StagedUploads.Where(u => u.Key == id && u.Owner == ownerId && u.Kind == kind).ExecuteDeleteAsync(ct);

    private static async Task<(string Name, byte[] Content)> ReadAsync(IFormFile file, CancellationToken ct)
    {
        // The page's request size limit bounds the length.
        var content = new byte[checked((int)file.Length)];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        return (SafeName(file.FileName), content);
    }

    private async Task<string> SaveAsync(string name, byte[] content, string ownerId, string? state, CancellationToken ct)
    {
        var now = Now;
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.StagedUploads.Add(new StagedUpload
        {
            Key = key, Owner = ownerId, Kind = kind, CreatedAt = now, Extension = ExtensionOf(name), Content = content,
            State = state, UpdatedAt = state is null ? null : now,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return key;
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
    /// The apply step of a background import: marks the previewed file queued, so it can be applied only once (two
    /// clicks or two instances: one wins); false when it is gone (applied already, expired, someone else's or another
    /// page's) or its dry run has not passed.
    /// </summary>
    public async Task<bool> QueueAsync(string? id, string ownerId, CancellationToken ct)
    {
        if (!IsKey(id)) return false;
        var (now, since) = (Now, Now - Lifetime);
        return await db.StagedUploads
            .Where(u => u.Key == id && u.Owner == ownerId && u.Kind == kind && u.CreatedAt > since && u.State == UploadStates.Previewed)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.State, UploadStates.Queued).SetProperty(u => u.UpdatedAt, now), ct) == 1;
    }

    /// <summary>Puts a queued file back to previewed (the queue was full), so it can be applied again.</summary>
    public Task<int> UnqueueAsync(string id, string ownerId, CancellationToken ct) =>
        db.StagedUploads.Where(u => u.Key == id && u.Owner == ownerId && u.Kind == kind && u.State == UploadStates.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.State, UploadStates.Previewed), ct);

    /// <summary>A background upload's state, only for its uploader on this page; null otherwise (or when it is gone).</summary>
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

/// <summary>How far a background upload has come, as the page shows it.</summary>
public sealed record UploadStatus(string State, int RowsRead, double? Fraction, string? OutcomeJson)
{
    public bool IsRunning => UploadStates.IsRunning(State);

    /// <summary>The preview's check, queued or running (a queued confirmation carries its preview's outcome).</summary>
    public bool IsCheck => State is UploadStates.Checking or UploadStates.Comparing || (State == UploadStates.Queued && OutcomeJson is null);

    public UploadOutcome? Outcome => UploadOutcome.FromJson(OutcomeJson);
}
