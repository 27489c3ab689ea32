using System.Text.RegularExpressions;
using static Pnx.Hosting.UiText;


namespace Pnx.Access.Administration;

/// <summary>
/// The rules answer in English (they are shared with the CLI); the web shows them in the user's
/// language. A segregation-of-duties refusal names its rule with the rule's own Dutch or English text.
/// </summary>
public static partial class AccessMessages
{
    public static string Localize(AccessOutcome outcome)
    {
        var message = outcome.Message;
        if (SodRefusal().Match(message) is { Success: true } sod
            && SegregationRules.All.SingleOrDefault(r => r.Id == sod.Groups[1].Value) is { } rule)
        {
            return IsEnglish ? $"Refused by {rule.Id}: {rule.English}." : $"Geweigerd door {rule.Id}: {rule.Dutch}.";
        }

        if (GrantMessage().Match(message) is { Success: true } grant)
        {
            var tail = grant.Groups[2].Value;
            var text = GrantStates.FirstOrDefault(s => tail.StartsWith(s.English, StringComparison.Ordinal)).Dutch;
            return IsEnglish ? Capitalise(message) + "." : $"Toegang {grant.Groups[1].Value} {text ?? "kon niet gewijzigd worden"}.";
        }

        if (IsEnglish) return Capitalise(message) + ".";
        if (message.EndsWith("already has a function profile with this name", StringComparison.Ordinal))
        {
            return "Geweigerd: deze gemeente heeft al een functieprofiel met deze naam.";
        }

        return Fixed.FirstOrDefault(f => string.Equals(f.English, message, StringComparison.Ordinal)).Dutch
            ?? "Niet uitgevoerd: " + message + ".";
    }

    /// <summary>A translated success text with the grant's id in place of {0}.</summary>
    public static string WithId(string dutchTemplate, int? id) =>
        T(dutchTemplate).Replace("{0}", id?.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public const string ChooseUserAndScope = "choose a user and a function profile or role";

    /// <summary>The fixed messages of GrantRules, UserAccounts and FunctionProfiles, in Dutch.</summary>
    private static readonly (string English, string Dutch)[] Fixed =
    [
        ("refused: the acting user is not an active agency access administrator", "Geweigerd: u bent geen actieve toegangsbeheerder van het Agentschap."),
        (ChooseUserAndScope, "Kies een gebruiker en een functieprofiel of rol."),
        ("unknown user", "Deze gebruiker bestaat niet."),
        ("refused: the user's account is disabled", "Geweigerd: het account van deze gebruiker is uitgeschakeld."),
        ("refused: the user already holds or has requested this role here", "Geweigerd: de gebruiker heeft deze rol hier al, of ze is al aangevraagd."),
        ("refused: an administrator does not disable their own account", "Geweigerd: een beheerder schakelt zijn eigen account niet uit."),
        ("refused: the account is already disabled", "Het account is al uitgeschakeld."),
        ("refused: an account with this e-mail address exists", "Geweigerd: er bestaat al een account met dit e-mailadres."),
        ("--name: give a name of 1 to 100 characters", "Geef een naam van 1 tot 100 tekens."),
        (FunctionProfiles.DescriptionRule, "Beschrijf de taken in hoogstens 1000 tekens."),
        (GrantRules.RetiredProfile, "Geweigerd: dit functieprofiel is ingetrokken."),
    ];

    // Grant messages carry an id; their Dutch form is built here rather than listed per id.
    private static readonly (string English, string Dutch)[] GrantStates =
    [
        ("does not exist", "bestaat niet"),
        ("is already revoked", "is al ingetrokken"),
        ("is active, not awaiting approval", "is al actief en wacht niet op goedkeuring"),
        ("is revoked, not awaiting approval", "is ingetrokken en wacht niet op goedkeuring"),
        ("is expired, not awaiting approval", "is verlopen en wacht niet op goedkeuring"),
        ("is requested; only an active grant", "is nog niet goedgekeurd; alleen een actieve toegang kan gehercertificeerd worden"),
        ("is expired; only an active grant", "is verlopen; alleen een actieve toegang kan gehercertificeerd worden (vraag een nieuwe aan)"),
        ("is revoked; only an active grant", "is ingetrokken; alleen een actieve toegang kan gehercertificeerd worden (vraag een nieuwe aan)"),
    ];

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"^refused by (SOD-\d+): ")]
    private static partial Regex SodRefusal();

    [GeneratedRegex(@"^grant (\d+) (.+)$")]
    private static partial Regex GrantMessage();
}
