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
public sealed class CatalogueUploadModel(PnxDb db, TimeProvider time) : WorkspacePageModel
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

    // The stored file is bound to the uploader and to this workspace, so a file uploaded for one catalogue is never applied to another.
    private UploadStore Store => new(db, time, UploadStore.Activities);

    private string Owner => User.FindFirstValue(ClaimTypes.NameIdentifier)! + "@" + Municipality.NisCode;

    private Task<ActivityImportOutcome> RunAsync(byte[] content, string name, bool dryRun, CancellationToken ct) =>
        ActivityImport.RunAsync(db, time, Municipality.AsMunicipality(), content, name, dryRun, WorkspaceMunicipality.Actor(User), ct);
}
