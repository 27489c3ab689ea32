using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pnx.Audit;
using Pnx.Data;

namespace Pnx.Access.SignIn;

/// <summary>Sign-out ends the session in the database, so a copied cookie is worthless afterwards.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<PnxUser> signIn, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToPage("/Access/Start/Start") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
        {
            await signIn.SignOutAsync();
            await audit.RecordAsync(new AuditRecord("user:" + userId, "sign-out", null, [], AuditPurposes.Supervision), ct);
        }

        return Page();
    }
}
