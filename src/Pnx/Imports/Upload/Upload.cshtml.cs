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
/// validates the same stored file again against the data as they are then, and applies it. A file without the
/// "NIS-code gemeente" column is for the municipality chosen in the select (those with an active protocol today).
/// Problems are shown in Dutch (<see cref="DutchProblems"/>), refusals pointing to this page's controls.
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

    /// <summary>NIS code for a file without the "NIS-code gemeente" column; empty when the file names its municipalities.</summary>
    [BindProperty]
    public string? Municipality { get; set; }

    /// <summary>The select's choices: municipalities with an active protocol today.</summary>
    public IReadOnlyList<(string Nis, string Name)> Municipalities { get; private set; } = [];

    public string? FileName { get; private set; }

    public ImportOutcome? Outcome { get; private set; }

    /// <summary>True when <see cref="Outcome"/> is the dry run awaiting confirmation, false once applied.</summary>
    public bool IsPreview { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadMunicipalitiesAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await LoadMunicipalitiesAsync(ct)) return Page();
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
        if (!await LoadMunicipalitiesAsync(ct)) return Page();
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

    private Task<ImportOutcome> RunAsync(byte[] content, string name, bool dryRun, CancellationToken ct) =>
        NewcomerImport.RunAsync(db, time, content, name, Options(dryRun), ct);
}
