using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pnx.Hosting;

namespace Pnx.Imports.Upload;

/// <summary>
/// Keeps an uploaded file between preview and apply: on the server, under a random name bound to the
/// uploader, never in a cookie or a form. Files are removed after apply and at the latest after an hour.
/// </summary>
public sealed class UploadStore(PnxSettings settings, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private string Folder => Path.Combine(settings.DataDir, "uploads");

    public async Task<string> SaveAsync(Stream content, string ownerId, string originalName, CancellationToken ct)
    {
        RemoveExpired();
        Directory.CreateDirectory(Folder);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using (var file = new FileStream(PathOf(id, ownerId), FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await content.CopyToAsync(file, ct);
        }

        await File.WriteAllTextAsync(PathOf(id, ownerId) + ".name", SafeName(originalName), Encoding.UTF8, ct);
        return id;
    }

    /// <summary>The stored file and its original name, or null when unknown, expired or someone else's.</summary>
    public (string Path, string Name)? Find(string? id, string ownerId)
    {
        if (id is not { Length: 32 } || !id.All(char.IsAsciiHexDigitLower)) return null;
        var path = PathOf(id, ownerId);
        if (!File.Exists(path) || time.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(path) > Lifetime) return null;
        var name = File.Exists(path + ".name") ? File.ReadAllText(path + ".name", Encoding.UTF8) : "upload";
        return (path, name);
    }

    /// <summary>
    /// The preview step of every upload page: stores the file, runs <paramref name="run"/> on it as a dry run, and keeps
    /// it staged (returning its id) only when the dry run passed.
    /// </summary>
    public async Task<(string? UploadId, string Name, T Outcome)> PreviewAsync<T>(
        IFormFile file, string ownerId, Func<string, string, bool, CancellationToken, Task<T>> run, Func<T, int> exitCode, CancellationToken ct)
    {
        string id;
        await using (var content = file.OpenReadStream())
        {
            id = await SaveAsync(content, ownerId, file.FileName, ct);
        }

        var (path, name) = Find(id, ownerId)!.Value;
        var outcome = await run(path, name, true, ct);
        if (exitCode(outcome) == Cli.ExitCodes.Done) return (id, name, outcome);
        Delete(path);
        return (null, name, outcome);
    }

    /// <summary>The apply step: runs the staged file for real and removes it; null when it is gone (expired or someone else's).</summary>
    public async Task<(string Name, T Outcome)?> ApplyAsync<T>(
        string? id, string ownerId, Func<string, string, bool, CancellationToken, Task<T>> run, CancellationToken ct)
    {
        if (Find(id, ownerId) is not { } upload) return null;
        try
        {
            return (upload.Name, await run(upload.Path, upload.Name, false, ct));
        }
        finally
        {
            Delete(upload.Path);
        }
    }

    /// <summary>What the upload pages say when the staged file is gone.</summary>
    public const string GoneMessage = "Het opgeladen bestand is niet meer beschikbaar (na een uur wordt het verwijderd). Laad het opnieuw op.";

    public static void Delete(string path)
    {
        File.Delete(path);
        File.Delete(path + ".name");
    }

    private void RemoveExpired()
    {
        if (!Directory.Exists(Folder)) return;
        var limit = time.GetUtcNow().UtcDateTime - Lifetime;
        foreach (var path in Directory.EnumerateFiles(Folder, "*.upload"))
        {
            if (File.GetLastWriteTimeUtc(path) < limit) Delete(path);
        }
    }

    // The owner is hashed so that no account id appears in a file name.
    private string PathOf(string id, string ownerId)
    {
        var owner = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ownerId)))[..16];
        return Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"{owner}-{id}.upload"));
    }

    /// <summary>Only the file name, in plain characters: it appears in messages and the audit detail.</summary>
    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name);
        var safe = new string(file.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ' ').Take(80).ToArray()).Trim();
        return safe.Length == 0 ? "upload" : safe;
    }
}
