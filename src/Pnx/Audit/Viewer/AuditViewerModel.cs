using Pnx.Audit;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using static Pnx.Hosting.UiText;

namespace Pnx.Audit.Viewer;

/// <summary>
/// The audit viewer of a DPO. Filters are POSTed (a dossier number stays out of URLs and logs); every
/// view is itself audited as audit.view and every export as audit.export. <see cref="Scope"/> is the
/// municipality a municipal DPO is limited to, or null for the agency DPO's whole trail.
/// </summary>
public abstract class AuditViewerModel(PnxDb db, TimeProvider time, AuditLog audit) : PageModel
{
    [BindProperty]
    public AuditFilter Filter { get; set; } = new();

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public bool HasNextPage { get; private set; }

    public IReadOnlyList<string> Actions { get; private set; } = [];

    /// <summary>Staff e-mail per "user:ID" actor on this page, so the DPO reads who acted.</summary>
    public IReadOnlyDictionary<string, string> ActorNames { get; private set; } = new Dictionary<string, string>();

    public string? Error { get; private set; }

    public AuditVerifier.Result? Chain { get; protected set; }

    /// <summary>The chain's head as this page was shown, for the DPO to note down outside the system.</summary>
    public AuditHead? Head { get; private set; }

    public abstract string? Scope { get; }

    public abstract string FormAction { get; }

    public virtual bool CanVerify => false;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ShowAsync(ct);

    /// <summary>
    /// Streams the filtered entries oldest first, one <see cref="AuditHash.ExportLine"/> per line like
    /// `pnx audit export`. The export is audited before the first line leaves, so no disclosure goes unrecorded.
    /// </summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        var criteria = await CriteriaAsync(ct);
        if (criteria is null) return await ShowAsync(ct);
        await RecordAsync("audit.export", criteria, "export of the filtered entries", ct);
        var name = "audit-" + (Scope ?? "agentschap") + "-" + time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ".jsonl";
        Response.ContentType = "application/jsonl; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        await using var writer = new StreamWriter(Response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        await foreach (var entry in AuditQuery.Apply(db, criteria).OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteLineAsync(AuditHash.ExportLine(entry));
        }

        return new EmptyResult();
    }

    protected async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Actions = await AuditQuery.Apply(db, new AuditCriteria(Scope, null, null, null, null, null))
            .Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        var criteria = await CriteriaAsync(ct);
        if (criteria is null) return Page();
        Filter.Page = Math.Max(1, Filter.Page);
        var page = await AuditQuery.Apply(db, criteria).OrderByDescending(e => e.Seq)
            .Skip((Filter.Page - 1) * AuditFilter.PageSize).Take(AuditFilter.PageSize + 1).ToListAsync(ct);
        HasNextPage = page.Count > AuditFilter.PageSize;
        Entries = page.Take(AuditFilter.PageSize).ToList();
        var userIds = Entries.Select(e => e.Actor).Where(a => a.StartsWith("user:", StringComparison.Ordinal)).Select(a => a[5..]).Distinct().ToList();
        ActorNames = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => "user:" + u.Id, u => u.Email ?? u.Id, ct);
        await RecordAsync("audit.view", criteria, string.Create(CultureInfo.InvariantCulture, $"page {Filter.Page}; {Entries.Count} entries shown"), ct);
        // Read after this view's own entry is committed, so the value shown is as current as it can be.
        Head = await AuditHead.ReadAsync(db, ct);
        return Page();
    }

    /// <summary>The filter resolved to a query, or null (with <see cref="Error"/>) when a date cannot be read.</summary>
    private async Task<AuditCriteria?> CriteriaAsync(CancellationToken ct)
    {
        if (!Hosting.FormDate.TryParse(Filter.From, out var from) || !Hosting.FormDate.TryParse(Filter.To, out var to))
        {
            Error = T("Geef de datums als dd/mm/jjjj, bijvoorbeeld 05/03/2026.");
            return null;
        }

        if (from > to)
        {
            Error = T("De begindatum ligt na de einddatum.");
            return null;
        }

        return new AuditCriteria(
            Scope,
            await Filter.ResolveActorAsync(db, ct),
            from is { } f ? AuditQuery.StartOfBelgianDay(f) : null,
            to is { } t ? AuditQuery.StartOfBelgianDay(t.AddDays(1)) : null,
            string.IsNullOrWhiteSpace(Filter.Action) ? null : Filter.Action.Trim(),
            string.IsNullOrWhiteSpace(Filter.Dossier) ? null : Filter.Dossier.Trim());
    }

    private Task RecordAsync(string action, AuditCriteria criteria, string detail, CancellationToken ct)
    {
        var filters = Filter.Describe(criteria.Actor);
        var subjects = criteria.Dossier is { } dossier ? new[] { dossier } : [];
        return audit.RecordAsync(new AuditRecord(
            "user:" + User.FindFirstValue(ClaimTypes.NameIdentifier), action, Scope, subjects, AuditPurposes.Supervision,
            filters.Length == 0 ? detail : detail + "; " + filters), ct);
    }

    public string ActorLabel(string actor) => ActorNames.TryGetValue(actor, out var email) ? email : actor;

    public static string When(DateTime utc) =>
        AuditQuery.ToBelgianTime(utc).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.GetCultureInfo("nl-BE"));
}
