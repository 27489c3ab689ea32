using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Pnx.Audit;

/// <summary>
/// An entry a witness saw (from `pnx audit head` or the witness file): the chain must still hold entry
/// <see cref="Seq"/> with exactly <see cref="Hash"/>. A valid chain that fails this is an older copy or a rewrite.
/// </summary>
/// <param name="Source">Where the expectation came from, named in the report ("--expect", "audit-witness.log line 3").</param>
public sealed record AuditExpectation(long Seq, string Hash, string Source)
{
    /// <summary>Reads "SEQ:HASH": a whole number ≥ 0, a colon and 64 hexadecimal characters.</summary>
    public static bool TryParse(string text, string source, [NotNullWhen(true)] out AuditExpectation? expectation)
    {
        var parts = text.Trim().Split(':');
        expectation = null;
        return parts.Length == 2 && TryCreate(parts[0], parts[1], source, out expectation);
    }

    public static bool TryCreate(string seq, string hash, string source, [NotNullWhen(true)] out AuditExpectation? expectation)
    {
        expectation = null;
        if (!long.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return false;
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit)) return false;
        expectation = new AuditExpectation(number, hash.ToLowerInvariant(), source);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Seq}:{Hash}");
}
