using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Hosting;
using static Pnx.Hosting.UiText;

namespace Pnx.Access.Administration;

/// <summary>Staff accounts: list, add (the activation link is shown once, to hand over), disable.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Web.WorkspacePolicies.AccessAdministration)]
public sealed class UsersModel(PnxDb db, UserManager<PnxUser> users, TimeProvider time, PnxSettings settings) : AdministrationPageModel
{
    public sealed record UserRow(string Id, string Email, string Name, DateTime CreatedAt, DateTime? DisabledAt, bool Activated);

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    /// <summary>The signed-in administrator's own row offers no disable button; <see cref="UserAccounts.DisableAsync"/> refuses it anyway.</summary>
    public bool IsMe(UserRow row) => row.Id == ActorId;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    /// <summary>Set only on the response to a successful add; never stored, never e-mailed, never redirected.</summary>
    public string? ActivationLink { get; private set; }

    public string? FormError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email) || !UserAccounts.IsValidEmail(Email.Trim()))
        {
            FormError = T("Geef een geldig e-mailadres.");
        }
        else if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100)
        {
            FormError = T("Geef een naam van 1 tot 100 tekens.");
        }
        else
        {
            // The configured public address, never the request's Host header: the link is handed to someone else.
            var added = await UserAccounts.AddAsync(db, users, time, Email, Name, settings.Hosting.BaseUrl, GrantRules.Actor(ActorId), ct);
            if (added.Outcome.Succeeded)
            {
                ActivationLink = added.ActivationLink;
                Email = null;
                Name = null;
            }
            else
            {
                FormError = AccessMessages.Localize(added.Outcome);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string userId, CancellationToken ct)
    {
        var outcome = await UserAccounts.DisableAsync(db, users, time, userId, ActorId, ct);
        return Report(outcome, T("Het account is uitgeschakeld. De toegangen ervan werken niet meer en de sessies zijn beëindigd."));
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName, u.CreatedAt, u.DisabledAt, u.PasswordHash != null))
            .ToListAsync(ct);
}
