using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pnx.Access.Web;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;
using Pnx.Protocols;

namespace Pnx.Imports.Upload;

/// <summary>
/// The data steward publishes the agency's export: upload → dry run shown as a preview → confirm, which
/// validates the same stored file again against the data as they are then, and applies it. Both steps run in the
/// background (<see cref="UploadImportService"/>) and answer 303 to the upload's status (<c>?upload=KEY</c>). A file without the
/// "NIS-code gemeente" column is for the municipality chosen in the select (those with an active protocol today).
/// Problems are shown in Dutch (<see cref="DutchProblems"/>), refusals pointing to this page's controls.
/// The status is a progress bar that reloads itself until the preview or the outcome is there.
/// </summary>
[Authorize(Policy = WorkspacePolicies.DataSteward)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class UploadModel(PnxDb db, TimeProvider time, PendingUploadImports queue) : PageModel
{
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>How long the preview's POST waits for the check before it redirects to the progress.</summary>
    internal static readonly TimeSpan InlineWait = TimeSpan.FromSeconds(2);

    private const string QueueFullMessage = "De server verwerkt al veel bestanden. Probeer het over enkele minuten opnieuw: laad het bestand opnieuw op.";

    [BindProperty]
    public string Mode { get; set; } = "snapshot";

    [BindProperty]
    public bool AllowMassWithdrawal { get; set; }

    [BindProperty]
    public string? UploadId { get; set; }

    /// <summary>NIS code for a file without the "NIS-code gemeente" column; empty when the file names its municipalities.</summary>
    [BindProperty]
    public string? Municipality { get; set; }

    /// <summary>The select's choices: municipalities with an active protocol today.</summary>
    public IReadOnlyList<(string Nis, string Name)> Municipalities { get; private set; } = [];

    public string? FileName { get; private set; }

    public UploadOutcome? Outcome { get; private set; }

    /// <summary>The applied upload's state while it runs (<c>?upload=KEY</c>); null on the form and the preview.</summary>
    public UploadStatus? Status { get; private set; }

    /// <summary>True when <see cref="Outcome"/> is the dry run awaiting confirmation, false once applied.</summary>
    public bool IsPreview { get; private set; }

    public string? Message { get; private set; }

    /// <param name="upload">The key of an upload: its progress, then its preview or its outcome (only for its uploader).</param>
    public async Task OnGetAsync(string? upload, CancellationToken ct)
    {
        await LoadMunicipalitiesAsync(ct);
        if (upload is null) return;
        var status = await Store.StatusAsync(upload, Owner, ct);
        if (status is null)
        {
            Message = UiText.T(UploadStore.GoneMessage);
        }
        else if (status.IsRunning)
        {
            Status = status;
        }
        else if (status.Outcome is { } outcome)
        {
            (Outcome, FileName, Mode, Municipality, AllowMassWithdrawal) = (outcome, outcome.FileName, outcome.Mode, outcome.Municipality, outcome.AllowMassWithdrawal);
            IsPreview = status.State == UploadStates.Previewed;
            if (IsPreview) UploadId = upload;
        }
    }

    /// <summary>
    /// Stages the file and queues its dry run, then answers 303 to its status (Post/Redirect/Get: Back and reload
    /// never post the file again). A small file's check ends within <see cref="InlineWait"/>, so the redirect shows
    /// the preview at once; a large one shows its progress until the preview is there.
    /// </summary>
    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await LoadMunicipalitiesAsync(ct)) return Page();
        if (file is null || file.Length == 0)
        {
            Message = UiText.T("Kies een bestand (CSV of .xlsx) om op te laden.");
            return Page();
        }

        var (key, name) = await Store.StageForCheckAsync(file, Owner, ct);
        if (!queue.TryQueue(new UploadJob(key, Options(dryRun: true), name)))
        {
            await Store.RemoveAsync(key, Owner, ct);
            Message = UiText.T(QueueFullMessage);
            return Page();
        }

        await Task.WhenAny(queue.Finished(key), Task.Delay(InlineWait, ct));
        return StatusPage(key);
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        if (!await LoadMunicipalitiesAsync(ct)) return Page();
        var id = UploadId;
        UploadId = null;
        if (!await Store.QueueAsync(id, Owner, ct))
        {
            Message = UiText.T(UploadStore.GoneMessage);
            return Page();
        }

        if (!queue.TryQueue(new UploadJob(id!, Options(dryRun: false))))
        {
            await Store.UnqueueAsync(id!, Owner, ct);
            Message = UiText.T(QueueFullMessage);
            return Page();
        }

        return StatusPage(id!);
    }

    /// <summary>Post/Redirect/Get: the status page can be reloaded, bookmarked or opened on another instance.</summary>
    private StatusCodeResult StatusPage(string key)
    {
        Response.Headers.Location = "/agentschap/import?upload=" + key;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>"123.456 rijen gelezen (45 %)", in the page's language.</summary>
    public string ProgressText(UploadStatus status)
    {
        var culture = UiText.IsEnglish ? UiText.English : UiText.Dutch;
        var rows = status.RowsRead.ToString("N0", culture);
        var percent = status.Fraction is { } f ? Math.Round(100 * f).ToString(culture) : null;
        var text = status.State switch
        {
            UploadStates.Queued => "Het bestand wacht op zijn beurt.",
            UploadStates.Comparing => "{0} rijen gecontroleerd; ze worden vergeleken met de gedeelde gegevens.",
            UploadStates.Writing => "{0} rijen gelezen; de gegevens worden weggeschreven.",
            UploadStates.Checking when percent is not null => "{0} rijen gecontroleerd ({1} %)",
            UploadStates.Checking => "{0} rijen gecontroleerd",
            _ when percent is not null => "{0} rijen gelezen ({1} %)",
            _ => "{0} rijen gelezen",
        };
        return UiText.T(text).Replace("{0}", rows, StringComparison.Ordinal).Replace("{1}", percent, StringComparison.Ordinal);
    }

    /// <summary>The status's heading: waiting, checking (the preview) or importing.</summary>
    public static string ProgressHeading(UploadStatus status) => UiText.T(status.State switch
    {
        UploadStates.Queued => "In de wachtrij",
        UploadStates.Checking or UploadStates.Comparing => "Bezig met controleren",
        _ => "Bezig met verwerken",
    });

    private UploadStore Store => new(db, time, UploadStore.Newcomers);

    /// <summary>Loads the choices; false (with a message) when the posted municipality is not one of them.</summary>
    private async Task<bool> LoadMunicipalitiesAsync(CancellationToken ct)
    {
        var today = BelgianTime.Today(time);
        Municipalities = (await db.Municipalities.AsNoTracking()
                .Where(m => db.Protocols.Where(p => p.MunicipalityId == m.Id).Any(ProtocolQueries.ActiveOn(today)))
                .OrderBy(m => m.NisCode).Select(m => new { m.NisCode, m.Name }).ToListAsync(ct))
            .Select(m => (m.NisCode, m.Name)).ToList();
        if (string.IsNullOrEmpty(Municipality) || Municipalities.Any(m => m.Nis == Municipality)) return true;
        Message = UiText.T("Kies een gemeente uit de lijst: alleen gemeenten met een actief protocol kunnen gegevens krijgen.");
        Municipality = null;
        UploadId = null;
        return false;
    }

    private string Owner => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private ImportOptions Options(bool dryRun) => new(
        Municipality: string.IsNullOrEmpty(Municipality) ? null : Municipality,
        Mode: Mode == "upsert" ? ImportMode.Upsert : ImportMode.Snapshot,
        DryRun: dryRun,
        AllowMassWithdrawal: AllowMassWithdrawal,
        Actor: WorkspaceMunicipality.Actor(User));
}
