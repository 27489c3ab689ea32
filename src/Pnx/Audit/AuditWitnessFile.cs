using System.Globalization;
using System.Text;

namespace Pnx.Audit;

/// <summary>
/// The witness file: one line per witnessed head, `2026-12-02T10:00:00Z SEQ HASH`, only ever appended.
/// Kept outside the database, so that putting back an older copy of the database cannot take it along.
/// </summary>
public static class AuditWitnessFile
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public sealed record Contents(IReadOnlyList<AuditExpectation> Heads, IReadOnlyList<string> Problems);

    public static string Line(DateTimeOffset at, AuditHead head) =>
        at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + " " + head.Line;

    public static async Task AppendAsync(string path, DateTimeOffset at, AuditHead head, CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
        var bytes = Encoding.UTF8.GetBytes(Line(at, head) + "\n");
        // One write of a whole line in append mode: lines from several instances never interleave.
        await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 4096, FileOptions.Asynchronous);
        await stream.WriteAsync(bytes, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Every head the file holds, once each. A missing file holds nothing; a line that cannot be read
    /// (a torn last line after a crash, an edit) is skipped and named in <see cref="Contents.Problems"/>.
    /// </summary>
    public static async Task<Contents> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) return new Contents([], []);
        var heads = new List<AuditExpectation>();
        var problems = new List<string>();
        var seen = new HashSet<(long, string)>();
        var name = Path.GetFileName(path);
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var number = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var source = string.Create(CultureInfo.InvariantCulture, $"{name} line {number}");
                if (parts.Length == 3
                    && DateTime.TryParseExact(parts[0], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _)
                    && AuditExpectation.TryCreate(parts[1], parts[2], source + " (" + parts[0] + ")", out var head))
                {
                    if (seen.Add((head.Seq, head.Hash))) heads.Add(head);
                }
                else
                {
                    problems.Add($"{source} is not \"TIME SEQ HASH\"; skipped");
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{path} cannot be read ({exception.Message}); its heads were not checked");
        }

        return new Contents(heads, problems);
    }
}
