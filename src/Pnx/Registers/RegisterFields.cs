using System.Text;
using Pnx.Access;
using Pnx.Imports.Validation;

namespace Pnx.Registers;

/// <summary>A field the register refused, and why, in Dutch (the page translates it).</summary>
public sealed record RegisterProblem(string Field, string Message);

/// <summary>What a change to a register came to: done, refused with problems, or a row that is not in this workspace.</summary>
public sealed record RegisterOutcome(bool NotFound, IReadOnlyList<RegisterProblem> Problems, int? Id = null)
{
    public bool Succeeded => !NotFound && Problems.Count == 0;

    public static readonly RegisterOutcome Missing = new(true, []);

    public static RegisterOutcome Done(int? id = null) => new(false, [], id);

    public static RegisterOutcome Refused(string field, string message) => new(false, [new RegisterProblem(field, message)]);
}

/// <summary>The text rules the registers share: trimmed, NFC, no control characters, a length.</summary>
public static class RegisterFields
{
    public const int NameMaxLength = 150;
    public const int PurposeMaxLength = 500;
    public const int AddressMaxLength = 200;

    public static string Clean(string? text) => (text ?? "").Trim().Normalize(NormalizationForm.FormC);

    /// <summary>Adds a problem unless the text has 1 (or 0 when optional) to <paramref name="max"/> characters and no control character.</summary>
    public static void Check(List<RegisterProblem> problems, string field, string value, int max, bool required = true)
    {
        if (required && value.Length == 0) problems.Add(new(field, "Vul dit veld in."));
        else if (value.Length > max) problems.Add(new(field, $"Hoogstens {max} tekens."));
        else if (value.Any(char.IsControl)) problems.Add(new(field, "Gebruik geen regeleinden of stuurtekens."));
    }

    public static string? Email(List<RegisterProblem> problems, string field, string? text)
    {
        var value = Clean(text);
        if (UserAccounts.IsValidEmail(value)) return value;
        problems.Add(new(field, "Geef een geldig e-mailadres, bijvoorbeeld dpo@gemeente.be."));
        return null;
    }

    /// <summary>A phone number as people write it, stored in E.164 form like every phone in the system.</summary>
    public static string? Phone(List<RegisterProblem> problems, string field, string? text)
    {
        if (PhoneRule.Check(Clean(text), out var e164) is null) return e164;
        problems.Add(new(field, "Geef een geldig telefoonnummer, bijvoorbeeld 02 365 99 00."));
        return null;
    }
}
