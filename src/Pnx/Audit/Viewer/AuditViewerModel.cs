using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Hosting;
using static Pnx.Hosting.UiText;

namespace Pnx.Audit.Viewer;

/// <summary>
/// The audit viewer of a DPO. Filters are POSTed (a dossier number stays out of URLs and logs); every
/// view is itself audited as audit.view, every export as audit.export and every chain check as audit.verify.
/// <see cref="Scope"/> is the municipality a municipal DPO is limited to, or null for the agency DPO's whole trail.
/// </summary>
public abstract class AuditViewerModel(PnxDb db, TimeProvider time, AuditLog audit, PnxSettings settings) : PageModel
{
    [BindProperty]
    public AuditFilter Filter { get; set; } = new();

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public bool HasOlder { get; private set; }

    public bool HasNewer { get; private set; }

    /// <summary>Every action the application records, by its label, for the action filter (no scan of the trail).</summary>
    public static IReadOnlyList<(string Action, string Label)> Actions =>
        AuditActionLabels.All.Select(l => (l.Action, AuditActionLabels.Label(l.Action))).OrderBy(l => l.Item2, StringComparer.Create(Dutch, ignoreCase: true)).ToList();

    public AuditPeople People { get; private set; } = AuditPeople.None;

    public string? Error { get; private set; }

    public ChainReport? Chain { get; private set; }

    /// <summary>The chain's head as this page was shown, for the DPO to note down outside the system.</summary>
    public AuditHead? Head { get; private set; }

    public abstract string? Scope { get; }

    public abstract string FormAction { get; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ShowAsync(ct);

    /// <summary>
    /// On request rather than on every view: it reads the full chain, a million entries and more. Checks the heads
    /// this server witnessed too, as `pnx audit verify` does. Both DPOs verify the whole chain; a municipal DPO is
    /// shown only what concerns their municipality (<see cref="ChainReport"/>).
    /// </summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var witness = await AuditWitnessFile.ReadAsync(settings.AuditWitnessPath, ct);
        var result = await AuditVerifier.VerifyAsync(db, witness.Heads, ct);
        Chain = await ChainReport.FromAsync(db, result, Scope, ct);
        await audit.RecordAsync(new AuditRecord(ActorOfViewer, "audit.verify", Scope, [], AuditPurposes.Supervision, Chain.Describe()), ct);
        return await ShowAsync(ct);
    }

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
        var criteria = await CriteriaAsync(ct);
        if (criteria is null) return Page();
        await LoadPageAsync(criteria, ct);
        People = await AuditPeople.ResolveAsync(db, Entries, ct);
        var shown = Entries.Count == 0 ? "no entries shown" : FormattableString.Invariant($"seq {Entries[^1].Seq}..{Entries[0].Seq} shown ({Entries.Count})");
        await RecordAsync("audit.view", criteria, shown, ct);
        // Read after this view's own entry is committed, so the value shown is as current as it can be.
        Head = await AuditHead.ReadAsync(db, ct);
        return Page();
    }

    /// <summary>Keyset paging, newest first: one range read on an index ending in Seq, whatever the page.</summary>
    private async Task LoadPageAsync(AuditCriteria criteria, CancellationToken ct)
    {
        var query = AuditQuery.Apply(db, criteria);
        if (Filter.After is { } after && Filter.Before is null)
        {
            var newer = await query.Where(e => e.Seq > after).OrderBy(e => e.Seq).Take(AuditFilter.PageSize + 1).ToListAsync(ct);
            HasNewer = newer.Count > AuditFilter.PageSize;
            HasOlder = true;
            Entries = newer.Take(AuditFilter.PageSize).Reverse().ToList();
            return;
        }

        if (Filter.Before is { } before) query = query.Where(e => e.Seq < before);
        var older = await query.OrderByDescending(e => e.Seq).Take(AuditFilter.PageSize + 1).ToListAsync(ct);
        HasOlder = older.Count > AuditFilter.PageSize;
        HasNewer = Filter.Before is not null;
        Entries = older.Take(AuditFilter.PageSize).ToList();
    }

    /// <summary>The filter resolved to a query, or null (with <see cref="Error"/>) when a date cannot be read.</summary>
    private async Task<AuditCriteria?> CriteriaAsync(CancellationToken ct)
    {
        if (!FormDate.TryParse(Filter.From, out var from) || !FormDate.TryParse(Filter.To, out var to))
        {
            Error = T("Geef de datums als dd/mm/jjjj, bijvoorbeeld 05/03/2026.");
            return null;
        }

        if (from > to)
        {
            Error = T("De begindatum ligt na de einddatum.");
            return null;
        }

        // What a date picker shows again: yyyy-mm-dd, whatever was typed.
        Filter.From = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Filter.To = to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        long? fromSeq = null;
        long? toSeq = null;
        if (from is { } f)
        {
            // Nothing appended since that day: an empty range.
            fromSeq = await AuditQuery.FirstSeqAtOrAfterAsync(db, AuditQuery.StartOfBelgianDay(f), ct) ?? long.MaxValue;
        }

        if (to is { } t)
        {
            toSeq = await AuditQuery.FirstSeqAtOrAfterAsync(db, AuditQuery.StartOfBelgianDay(t.AddDays(1)), ct);
        }

        return new AuditCriteria(
            Scope,
            await Filter.ResolveActorAsync(db, ct),
            fromSeq,
            toSeq,
            string.IsNullOrWhiteSpace(Filter.Action) ? null : Filter.Action.Trim(),
            string.IsNullOrWhiteSpace(Filter.Dossier) ? null : Filter.Dossier.Trim());
    }

    private string ActorOfViewer => "user:" + User.FindFirstValue(ClaimTypes.NameIdentifier);

    private Task RecordAsync(string action, AuditCriteria criteria, string detail, CancellationToken ct)
    {
        var filters = Filter.Describe(criteria.Actor);
        var subjects = criteria.Dossier is { } dossier ? new[] { dossier } : [];
        return audit.RecordAsync(new AuditRecord(
            ActorOfViewer, action, Scope, subjects, AuditPurposes.Supervision,
            filters.Length == 0 ? detail : detail + "; " + filters), ct);
    }

    public static string When(DateTime utc) =>
        AuditQuery.ToBelgianTime(utc).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.GetCultureInfo("nl-BE"));
}
