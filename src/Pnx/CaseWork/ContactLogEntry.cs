using Pnx.Newcomers;

namespace Pnx.CaseWork;

/// <summary>The closed list of outcomes of an attempt to reach a newcomer.</summary>
public enum ContactOutcome
{
    Bereikt,
    NietBereikt,
    AfspraakGemaakt,
    TolkNodig,
    GeenInteresse,
}

/// <summary>
/// One attempt of a case worker to reach a newcomer, with an optional short note. Personal data: removed with
/// the newcomer (withdrawal, retention).
/// </summary>
public sealed class ContactLogEntry
{
    public long Id { get; set; }

    public int MunicipalityId { get; set; }

    public long NewcomerId { get; set; }

    public Newcomer? Newcomer { get; set; }

    public ContactOutcome Outcome { get; set; }

    /// <summary>At most <see cref="NoteMaxLength"/> characters; the form warns against sensitive data.</summary>
    public string? Note { get; set; }

    public DateTime At { get; set; }

    public required string Actor { get; set; }

    public const int NoteMaxLength = 500;
}

/// <summary>The case worker responsible for a newcomer ("mijn inburgeraars"). Removed with the newcomer.</summary>
public sealed class NewcomerAssignment
{
    public long NewcomerId { get; set; }

    public Newcomer? Newcomer { get; set; }

    public int MunicipalityId { get; set; }

    public required string UserId { get; set; }

    public DateTime AssignedAt { get; set; }
}

public static class ContactOutcomeWords
{
    public static readonly IReadOnlyList<(ContactOutcome Outcome, string Word)> All =
    [
        (ContactOutcome.Bereikt, "bereikt"),
        (ContactOutcome.NietBereikt, "niet bereikt"),
        (ContactOutcome.AfspraakGemaakt, "afspraak gemaakt"),
        (ContactOutcome.TolkNodig, "tolk nodig"),
        (ContactOutcome.GeenInteresse, "geen interesse"),
    ];

    public static string Word(this ContactOutcome outcome) => All.First(o => o.Outcome == outcome).Word;

    /// <summary>Exactly one of the words of the closed list (the form's select sends them as shown).</summary>
    public static bool TryParse(string? text, out ContactOutcome outcome)
    {
        foreach (var (candidate, word) in All)
        {
            if (string.Equals(word, text?.Trim(), StringComparison.Ordinal))
            {
                outcome = candidate;
                return true;
            }
        }

        outcome = default;
        return false;
    }
}
