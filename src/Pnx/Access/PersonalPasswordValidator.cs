using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Pnx.Access;

/// <summary>
/// Refuses a password that holds the account's e-mail address (or its local part) or a part of the person's
/// name of three letters or more, ignoring case and diacritics: the first things an attacker tries (NIST SP 800-63B 5.1.1.2).
/// Name particles such as "van" or "der" are not names on their own and do not count.
/// </summary>
public sealed class PersonalPasswordValidator : IPasswordValidator<PnxUser>
{
    public const string ContainsEmail = "PasswordContainsEmail";
    public const string ContainsName = "PasswordContainsName";

    private const int ShortestPart = 3;

    private static readonly HashSet<string> Particles = new(
        ["van", "von", "den", "der", "des", "het", "ter", "ten", "del", "della", "dos", "das", "les", "los", "bin", "ibn"], StringComparer.Ordinal);

    public Task<IdentityResult> ValidateAsync(UserManager<PnxUser> manager, PnxUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var folded = Fold(password);
        var errors = new List<IdentityError>();
        if (EmailParts(user.Email).Any(p => folded.Contains(p, StringComparison.Ordinal)))
        {
            errors.Add(new IdentityError { Code = ContainsEmail, Description = "The password contains the e-mail address; choose another." });
        }

        if (NameParts(user.DisplayName).Any(p => folded.Contains(p, StringComparison.Ordinal)))
        {
            errors.Add(new IdentityError { Code = ContainsName, Description = "The password contains the person's name; choose another." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static IEnumerable<string> EmailParts(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) yield break;
        var folded = Fold(email.Trim());
        yield return folded;
        var at = folded.LastIndexOf('@');
        if (at >= ShortestPart) yield return folded[..at];
    }

    private static IEnumerable<string> NameParts(string? name) =>
        Fold(name ?? "")
            .Split([' ', '-', '\'', '’', '.', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.Length >= ShortestPart && !Particles.Contains(p));

    /// <summary>Lower case without diacritics: "Zoë" and "ZOE" fold to the same text.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
