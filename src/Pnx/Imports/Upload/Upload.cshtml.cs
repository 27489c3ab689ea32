using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pnx.Access.Web;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;

namespace Pnx.Imports.Upload;

/// <summary>
/// The data steward publishes the agency's export: upload → dry run shown as a preview → confirm, which
/// validates the same stored file again against the data as they are then, and applies it.
/// </summary>
[Authorize(Policy = WorkspacePolicies.DataSteward)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class UploadModel(PnxDb db, TimeProvider time) : PageModel
{
    public const long MaxBytes = 50L * 1024 * 1024;

    [BindProperty]
    public string Mode { get; set; } = "snapshot";

    [BindProperty]
    public bool AllowMassWithdrawal { get; set; }

    [BindProperty]
    public string? UploadId { get; set; }

    public string? FileName { get; private set; }

    public ImportOutcome? Outcome { get; private set; }

    /// <summary>True when <see cref="Outcome"/> is the dry run awaiting confirmation, false once applied.</summary>
    public bool IsPreview { get; private set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Message = UiText.T("Kies een bestand (CSV of .xlsx) om op te laden.");
            return Page();
        }

        IsPreview = true;
        (UploadId, FileName, Outcome) = await Store.PreviewAsync(file, Owner, RunAsync, o => o.ExitCode, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        var applied = await Store.ApplyAsync(UploadId, Owner, RunAsync, ct);
        UploadId = null;
        if (applied is null)
        {
            Message = UiText.T(UploadStore.GoneMessage);
            return Page();
        }

        (FileName, Outcome) = applied.Value;
        return Page();
    }

    private UploadStore Store => new(db, time, UploadStore.Newcomers);

    private string Owner => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private ImportOptions Options(bool dryRun) => new(
        Mode: Mode == "upsert" ? ImportMode.Upsert : ImportMode.Snapshot,
        DryRun: dryRun,
        AllowMassWithdrawal: AllowMassWithdrawal,
        Actor: WorkspaceMunicipality.Actor(User));

    private Task<ImportOutcome> RunAsync(byte[] content, string name, bool dryRun, CancellationToken ct) =>
        NewcomerImport.RunAsync(db, time, content, name, Options(dryRun), ct);
}
