namespace Pnx.Enrolments;

/// <summary>The status of a newcomer's participation in an activity: the one thing reported back to the agency (art. 1).</summary>
public enum EnrolmentStatus
{
    Voorgesteld,
    Aangemeld,
    Gestart,
    Afgerond,
    Gestopt,
    NietGestart,
}

/// <summary>Why a newcomer stopped (required with <see cref="EnrolmentStatus.Gestopt"/>).</summary>
public enum StopReason
{
    Werk,
    Studie,
    Gezondheid,
    Verhuisd,
    GeenInteresse,
    Andere,
}

/// <summary>The words of contract §7, exactly, both ways.</summary>
public static class EnrolmentWords
{
    public static readonly IReadOnlyList<(EnrolmentStatus Status, string Word)> Statuses =
    [
        (EnrolmentStatus.Voorgesteld, "voorgesteld"),
        (EnrolmentStatus.Aangemeld, "aangemeld"),
        (EnrolmentStatus.Gestart, "gestart"),
        (EnrolmentStatus.Afgerond, "afgerond"),
        (EnrolmentStatus.Gestopt, "gestopt"),
        (EnrolmentStatus.NietGestart, "niet gestart"),
    ];

    public static readonly IReadOnlyList<(StopReason Reason, string Word)> Reasons =
    [
        (StopReason.Werk, "werk"),
        (StopReason.Studie, "studie"),
        (StopReason.Gezondheid, "gezondheid"),
        (StopReason.Verhuisd, "verhuisd"),
        (StopReason.GeenInteresse, "geen interesse"),
        (StopReason.Andere, "andere"),
    ];

    public static string Word(this EnrolmentStatus status) => Statuses.First(s => s.Status == status).Word;

    public static string Word(this StopReason reason) => Reasons.First(r => r.Reason == reason).Word;

    /// <summary>Case-insensitive, repeated spaces ignored.</summary>
    public static bool TryParseStatus(string? text, out EnrolmentStatus status) => TryParse(Statuses, text, out status);

    /// <summary>Case-insensitive, repeated spaces ignored.</summary>
    public static bool TryParseReason(string? text, out StopReason reason) => TryParse(Reasons, text, out reason);

    public static string StatusList => string.Join(", ", Statuses.Select(s => s.Word));

    public static string ReasonList => string.Join(", ", Reasons.Select(r => r.Word));

    private static bool TryParse<T>(IReadOnlyList<(T Value, string Word)> words, string? text, out T value)
        where T : struct, Enum
    {
        var key = Normalise(text);
        foreach (var (candidate, word) in words)
        {
            if (word == key)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Normalise(string? text) =>
        string.Join(' ', (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();
}
