using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Pnx.Access.Web;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Municipalities;

namespace Pnx.Newcomers.Pages;

/// <summary>
/// One current newcomer of the route's municipality, by internal id, and the case work around them: matches to
/// propose, enrolments to move along the status order, the contact log and the assigned case worker. Another
/// municipality's id, or a withdrawn or erased newcomer, answers 404 because every query filters on the
/// municipality. The shared data are read-only here. Writes are POST handlers (see NewcomerDetail.Handlers.cs)
/// that redirect back on success and show the page again with the refusal otherwise.
/// </summary>
[Authorize(Policy = WorkspacePolicies.CaseWork)]
[EnableRateLimiting(RateLimits.Reads)]
public sealed partial class NewcomerDetailModel(PnxDb db, AuditLog audit, TimeProvider time) : WorkspacePageModel
{
    /// <summary>Matches shown unless the case worker asks for all (?aanbod=alle).</summary>
    public const int MatchesShown = 10;

    /// <summary>What a redirect after a successful change may announce (?gedaan=…): a closed list.</summary>
    public static readonly IReadOnlyDictionary<string, string> DoneMessages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["voorgesteld"] = "De activiteit is voorgesteld.",
        ["status"] = "De inschrijving is bijgewerkt.",
        ["contact"] = "De contactpoging is opgeslagen.",
        ["toewijzing"] = "De toewijzing is bijgewerkt.",
    };

    public Newcomer Newcomer => CaseFile.Newcomer;

    public NewcomerCaseFile CaseFile { get; private set; } = null!;

    public string? Done { get; private set; }

    /// <summary>A refused change, in Dutch, and the form it belongs to ("voorstel", "inschrijving-ID", "contact", "toewijzing").</summary>
    public (string Form, string Message)? Problem { get; private set; }

    /// <summary>The note of a refused contact-log entry, given back so it need not be typed again.</summary>
    public string? NoteDraft { get; private set; }

    public bool AllMatches { get; private set; }

    /// <summary>The day this newcomer's data go and by which rule (contract §9), from the workspace's cutoff of today.</summary>
    public Retention.RetentionDeadline Retention => Municipality.Retention.DeadlineOf(Newcomer);

    public string CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public string Path => $"/gemeenten/{Municipality.NisCode}/inburgeraars/{Newcomer.Id}";

    /// <summary>The list this person was opened from (filters, sort, page and search key), validated; see <see cref="ListLinks"/>.</summary>
    public string ListUrl => ListLinks.ListFrom(Municipality.NisCode, Request.Query[ListLinks.ReturnParameter]);

    /// <summary>Appended to this page's own links and form actions so that the way back to the list survives a change.</summary>
    public string ListState => ListUrl == ListLinks.Base(Municipality.NisCode) ? "" : $"&{ListLinks.ReturnParameter}={Uri.EscapeDataString(ListUrl)}";

    public Task<IActionResult> OnGetAsync([FromRoute] long id, CancellationToken ct) => ShowAsync(id, StatusCodes.Status200OK, ct);

    /// <summary>A POST naming no known handler is a bad request, not a page rendered without its newcomer.</summary>
    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is not null) return next();
        context.Result = BadRequest();
        return Task.CompletedTask;
    }

    private async Task<IActionResult> ShowAsync(long id, int status, CancellationToken ct)
    {
        var municipality = Municipality;
        var caseFile = await NewcomerCaseFile.LoadAsync(db, time, municipality, id, ct);
        if (caseFile is null) return NotFound();
        CaseFile = caseFile;
        var newcomer = caseFile.Newcomer;
        string? done = Request.Query["gedaan"];
        Done = Problem is null && done is not null && DoneMessages.ContainsKey(done) ? done : null;
        AllMatches = Request.Query["aanbod"] == "alle";
        await audit.RecordAsync(new AuditRecord(
            WorkspaceMunicipality.Actor(User), "newcomer.view", municipality.NisCode, [newcomer.DossierNumber], AuditPurposes.Steering), ct);
        Response.StatusCode = status;
        return Page();
    }
}
