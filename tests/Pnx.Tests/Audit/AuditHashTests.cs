using System.Security.Cryptography;
using System.Text;
using Pnx.Audit;

namespace Pnx.Tests.Audit;

public class AuditHashTests
{
    /// <summary>
    /// The hash is computed slice by slice from the canonical text (an import's entry names every dossier number);
    /// it must be the SHA-256 of that whole text's UTF-8, also when a surrogate pair or an accented letter falls on
    /// the edge of a slice.
    /// </summary>
    [Fact]
    public void TheHashOfALargeEntryIsTheSha256OfItsWholeCanonicalText()
    {
        // Subjects of varying length so that characters of every width land on every slice boundary.
        var subjects = Enumerable.Range(0, 30_000).Select(i => (i % 3) switch
        {
            0 => "D-" + i,
            1 => "Dé-" + i,
            _ => "D\U0001F600-" + i,
        }).ToList();
        var entry = new AuditEntry
        {
            Seq = 7,
            At = new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc),
            Actor = "cli",
            Action = "import",
            Municipality = "23027",
            Subjects = AuditHash.SubjectsJson(subjects),
            Purpose = AuditPurposes.Exchange,
            Detail = "export.csv: 30000 created",
            Prev = AuditHash.Genesis,
            Hash = "h",
        };

        var withoutHash = AuditHash.ExportLine(entry).Replace("\"hash\":\"h\",", "", StringComparison.Ordinal);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(withoutHash)));

        Assert.DoesNotContain("\"hash\"", withoutHash, StringComparison.Ordinal);
        Assert.Equal(expected, AuditHash.Compute(entry));
    }
}
