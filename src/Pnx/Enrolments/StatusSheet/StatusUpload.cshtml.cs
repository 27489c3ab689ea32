using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Pnx.Access.Web;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Imports.Upload;
using Pnx.Municipalities;

namespace Pnx.Enrolments.StatusSheet;

/// <summary>
/// A case worker uploads the status sheet: the dry run is shown as a preview, and applying validates the same
/// stored file again against the data as they are then. Same code path as `pnx status import`.
/// </summary>
[Authorize(Policy = WorkspacePolicies.CaseWork)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class StatusUploadModel(PnxDb db, TimeProvider time) : WorkspacePageModel
{
    public const long MaxBytes = 50L * 1024 * 1024;

    [BindProperty]
    public string? UploadId { get; set; }

    public string? FileName { get; private set; }

    public StatusImportOutcome? Outcome { get; private set; }

    public bool IsPreview { get; private set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Message = UiText.T("Kies het .xlsx-bestand met het ingevulde blad Activiteiten.");
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

    // The store binds files to their uploader; the workspace is checked again on apply by the policy.
    private UploadStore Store => new(db, time, UploadStore.Statuses);

    private string Owner => User.FindFirstValue(ClaimTypes.NameIdentifier)! + "@" + Municipality.NisCode;

    private Task<StatusImportOutcome> RunAsync(byte[] content, string name, bool dryRun, CancellationToken ct) =>
        StatusSheetImport.RunAsync(db, time, Municipality, content, dryRun, WorkspaceMunicipality.Actor(User), name, ct);
}
