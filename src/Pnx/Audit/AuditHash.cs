using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pnx.Audit;

/// <summary>The hash of an entry: SHA-256 over its canonical JSON without the hash member (contract §6).</summary>
public static class AuditHash
{
    public static readonly string Genesis = new('0', 64);

    public static string Compute(AuditEntry entry) => Sha256Hex(CanonicalJson.Build(Members(entry, includeHash: false)));

    /// <summary>The exported JSON line, hash included.</summary>
    public static string ExportLine(AuditEntry entry) => CanonicalJson.Write(Members(entry, includeHash: true));

    public static string FormatAt(DateTime at) =>
        at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string SubjectsJson(IEnumerable<string> subjects) => CanonicalJson.WriteArray(subjects);

    public static IReadOnlyList<string> ParseSubjects(string json) =>
        JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static List<KeyValuePair<string, object?>> Members(AuditEntry entry, bool includeHash)
    {
        var members = new List<KeyValuePair<string, object?>>(11)
        {
            new("seq", entry.Seq),
            new("at", FormatAt(entry.At)),
            new("actor", entry.Actor),
            new("action", entry.Action),
            new("municipality", entry.Municipality),
            // Stored canonical by SubjectsJson; embedding it as is keeps large imports from re-parsing
            // 100,000 dossier numbers. Stored text that is not canonical can only come from tampering, and fails the hash.
            new("subjects", new RawJson(entry.Subjects)),
            new("purpose", entry.Purpose),
            new("detail", entry.Detail),
            new("prev", entry.Prev),
        };
        if (includeHash) members.Add(new("hash", entry.Hash));
        return members;
    }

    /// <summary>
    /// SHA-256 of the text's UTF-8, encoded and hashed a slice at a time: an import's entry names every dossier
    /// number, and neither the text as one string nor its bytes need to exist at once. The encoder carries a
    /// surrogate pair split between slices, so the bytes are exactly those of <c>Encoding.UTF8.GetBytes</c>.
    /// </summary>
    private static string Sha256Hex(StringBuilder text)
    {
        const int Slice = 4096;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var encoder = Encoding.UTF8.GetEncoder();
        Span<byte> bytes = stackalloc byte[Encoding.UTF8.GetMaxByteCount(Slice)];
        foreach (var chunk in text.GetChunks())
        {
            var chars = chunk.Span;
            while (chars.Length > 0)
            {
                var slice = chars[..Math.Min(Slice, chars.Length)];
                encoder.Convert(slice, bytes, flush: false, out var used, out var written, out _);
                hash.AppendData(bytes[..written]);
                chars = chars[used..];
            }
        }

        encoder.Convert([], bytes, flush: true, out _, out var last, out _);
        hash.AppendData(bytes[..last]);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
