using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pnx.Audit;

/// <summary>The hash of an entry: SHA-256 over its canonical JSON without the hash member (contract §6).</summary>
public static class AuditHash
{
    public static readonly string Genesis = new('0', 64);

    public static string Compute(AuditEntry entry) => Sha256Hex(CanonicalJson.Write(Members(entry, includeHash: false)));

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

    private static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
