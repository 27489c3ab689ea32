using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.Newcomers;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Newcomers;

/// <summary>Reads what the pages showed and what the audit trail recorded, for the workspace tests.</summary>
public static partial class WorkspaceWorld
{
    /// <summary>(id, dossier number) of every newcomer row on a list page, in order.</summary>
    public static IReadOnlyList<(long Id, string Dossier)> Rows(string html, string nis) =>
        RowLink().Matches(html).Where(m => m.Groups[1].Value == nis)
            .Select(m => (long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), System.Net.WebUtility.HtmlDecode(m.Groups[3].Value)))
            .ToList();

    public static async Task<long> AuditHeadAsync(TestWeb web)
    {
        await using var db = web.Database.Open();
        return await db.AuditEntries.MaxAsync(e => (long?)e.Seq) ?? 0;
    }

    public static async Task<List<AuditEntry>> AuditSinceAsync(TestWeb web, long seq)
    {
        await using var db = web.Database.Open();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Seq > seq).OrderBy(e => e.Seq).ToListAsync();
    }

    public static async Task<List<Newcomer>> CurrentAsync(TestWeb web, string nis)
    {
        await using var db = web.Database.Open();
        return await db.Newcomers.AsNoTracking()
            .Where(n => n.Municipality!.NisCode == nis && n.WithdrawnAt == null && n.ErasedAt == null)
            .ToListAsync();
    }

    [GeneratedRegex("<a href=\"/gemeenten/(\\d{5})/inburgeraars/(\\d+)(?:\\?terug=[^\"]*)?\">([^<]+)</a>")]
    private static partial Regex RowLink();
}
