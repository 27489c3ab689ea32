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
public sealed class UploadModel(PnxDb db, TimeProvider time, PnxSettings settings) : PageModel
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

        var store = new UploadStore(settings, time);
        await using (var content = file.OpenReadStream())
        {
            UploadId = await store.SaveAsync(content, Owner, file.FileName, ct);
        }

        var (path, name) = store.Find(UploadId, Owner)!.Value;
        FileName = name;
        IsPreview = true;
        Outcome = await NewcomerImport.RunAsync(db, time, path, Options(dryRun: true), name, ct);
        if (Outcome.ExitCode != ExitCodes.Done)
        {
            UploadStore.Delete(path);
            UploadId = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        var store = new UploadStore(settings, time);
        if (store.Find(UploadId, Owner) is not { } upload)
        {
            Message = UiText.T("Het opgeladen bestand is niet meer beschikbaar (na een uur wordt het verwijderd). Laad het opnieuw op.");
            UploadId = null;
            return Page();
        }

        FileName = upload.Name;
        try
        {
            Outcome = await NewcomerImport.RunAsync(db, time, upload.Path, Options(dryRun: false), upload.Name, ct);
        }
        finally
        {
            UploadStore.Delete(upload.Path);
            UploadId = null;
        }

        return Page();
    }

    private string Owner => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private ImportOptions Options(bool dryRun) => new(
        Mode: Mode == "upsert" ? ImportMode.Upsert : ImportMode.Snapshot,
        DryRun: dryRun,
        AllowMassWithdrawal: AllowMassWithdrawal,
        Actor: WorkspaceMunicipality.Actor(User));
}
