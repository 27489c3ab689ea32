using Microsoft.AspNetCore.Identity;
using static Pnx.Hosting.UiText;

namespace Pnx.Access.Activation;

/// <summary>
/// Runs every Identity password validator (length, the common-password list, no e-mail address or name) and returns every reason
/// in the interface language, so a person sees all that is wrong at once.
/// </summary>
public static class PasswordRules
{
    public static async Task<IReadOnlyList<string>> ProblemsAsync(UserManager<PnxUser> users, PnxUser user, string? password, string? repeat)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(password))
        {
            problems.Add(T("Kies een wachtwoord."));
            return problems;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            problems.AddRange(result.Errors.Select(e => Describe(e.Code)));
        }

        if (!string.Equals(password, repeat, StringComparison.Ordinal)) problems.Add(T("De twee wachtwoorden zijn niet gelijk."));
        return problems.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Describe(string code) => code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => T("Het wachtwoord moet minstens 12 tekens lang zijn."),
        CommonPasswordValidator.ErrorCode => T("Dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden. Kies een ander."),
        PersonalPasswordValidator.ContainsEmail => T("Het wachtwoord mag uw e-mailadres niet bevatten, ook niet het deel voor de @."),
        PersonalPasswordValidator.ContainsName => T("Het wachtwoord mag uw naam niet bevatten."),
        _ => T("Dit wachtwoord voldoet niet aan de regels. Kies een ander."),
    };
}
