using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pnx.Access.Administration;

/// <summary>
/// Shared by the access-administration pages (each declares the AccessAdministration policy itself): who acts (their user id, as the rules take it) and the
/// status line shown after a POST-redirect-GET. The status travels in TempData, so it never holds
/// personal data: only texts with ids and rule names.
/// </summary>
public abstract class AdministrationPageModel : PageModel
{
    private const string StatusKey = "admin.status";
    private const string StatusErrorKey = "admin.status.error";

    /// <summary>The acting administrator's user id; the policy guarantees a signed-in user.</summary>
    protected string ActorId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public string? Status => TempData.Peek(StatusKey) as string;

    public bool StatusIsError => TempData.Peek(StatusErrorKey) is true;

    /// <summary>Redirects to this page (GET) with the outcome as status line.</summary>
    protected IActionResult Report(AccessOutcome outcome, string successText, object? routeValues = null)
    {
        TempData[StatusKey] = outcome.Succeeded ? successText : AccessMessages.Localize(outcome);
        TempData[StatusErrorKey] = !outcome.Succeeded;
        return RedirectToPage(routeValues);
    }
}
