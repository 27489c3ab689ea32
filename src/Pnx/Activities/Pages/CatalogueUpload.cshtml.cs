using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pnx.Access.Web;
using Pnx.Activities.FileFormat;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Imports.Upload;
using Pnx.Municipalities;

namespace Pnx.Activities.Pages;

/// <summary>
/// An offer manager uploads an activity file: upload → dry run shown as a preview → confirm, which validates the
/// same stored file again against the catalogue as it is then, and applies it (the newcomer upload's flow).
/// </summary>
[Authorize(Policy = WorkspacePolicies.CatalogueManagement)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class CatalogueUploadModel(PnxDb db, TimeProvider time, PnxSettings settings) : WorkspacePageModel
{
    public const long MaxBytes = 10L * 1024 * 1024;

    [BindProperty]
    public string? UploadId { get; set; }

    public string? FileName { get; private set; }

    public ActivityImportOutcome? Outcome { get; private set; }

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
        Outcome = await RunAsync(path, name, dryRun: true, ct);
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
            Outcome = await RunAsync(upload.Path, upload.Name, dryRun: false, ct);
        }
        finally
        {
            UploadStore.Delete(upload.Path);
            UploadId = null;
        }

        return Page();
    }

    // The stored file is bound to the uploader and to this workspace, so a file uploaded for one catalogue is never applied to another.
    private string Owner => User.FindFirstValue(ClaimTypes.NameIdentifier)! + "@" + Municipality.NisCode;

    private Task<ActivityImportOutcome> RunAsync(string path, string name, bool dryRun, CancellationToken ct)
    {
        var workspace = Municipality;
        var municipality = new Municipality { Id = workspace.Id, NisCode = workspace.NisCode, Name = workspace.Name };
        return ActivityImport.RunAsync(db, time, municipality, path, name, dryRun, WorkspaceMunicipality.Actor(User), ct);
    }
}
