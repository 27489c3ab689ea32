using System.Linq.Expressions;

namespace Pnx.Enrolments;

/// <summary>
/// THE status order of contract §7, in one place: forward along voorgesteld → aangemeld → gestart →
/// afgerond or gestopt (steps may be skipped); niet gestart only from voorgesteld or aangemeld; afgerond,
/// gestopt and niet gestart are final; gestopt needs a reason; hours (≥ 0, steps of 0.5) from gestart on.
/// Pages, the status sheet and the API all ask this class.
/// </summary>
public static class EnrolmentRules
{
    /// <summary>More than anyone attends for one activity: a typing error, not a record.</summary>
    public const double MaxHours = 10_000;

    public static bool IsFinal(EnrolmentStatus status) =>
        status is EnrolmentStatus.Afgerond or EnrolmentStatus.Gestopt or EnrolmentStatus.NietGestart;

    /// <summary>Counts against an activity's capacity.</summary>
    public static bool TakesAPlace(EnrolmentStatus status) => status is EnrolmentStatus.Aangemeld or EnrolmentStatus.Gestart;

    /// <summary><see cref="TakesAPlace"/> as a query filter, for counting places in the database.</summary>
    public static readonly Expression<Func<Enrolment, bool>> TakingAPlace =
        e => e.Status == EnrolmentStatus.Aangemeld || e.Status == EnrolmentStatus.Gestart;

    /// <summary>Hours may be recorded in this status.</summary>
    public static bool AllowsHours(EnrolmentStatus status) =>
        status is EnrolmentStatus.Gestart or EnrolmentStatus.Afgerond or EnrolmentStatus.Gestopt;

    private static int Rank(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Voorgesteld => 0,
        EnrolmentStatus.Aangemeld => 1,
        EnrolmentStatus.Gestart => 2,
        EnrolmentStatus.Afgerond or EnrolmentStatus.Gestopt => 3,
        EnrolmentStatus.NietGestart => 3,
    };

    /// <summary>Whether the status may move from <paramref name="from"/> to <paramref name="to"/> (a different status).</summary>
    public static bool CanMove(EnrolmentStatus from, EnrolmentStatus to)
    {
        if (from == to || IsFinal(from)) return false;
        if (to == EnrolmentStatus.NietGestart) return from is EnrolmentStatus.Voorgesteld or EnrolmentStatus.Aangemeld;
        return Rank(to) > Rank(from);
    }

    /// <summary>The statuses reachable from <paramref name="from"/>, in order.</summary>
    public static IReadOnlyList<EnrolmentStatus> Next(EnrolmentStatus from) =>
        Enum.GetValues<EnrolmentStatus>().Where(to => CanMove(from, to)).ToList();

    /// <summary>
    /// Checks one change: a new status (or the same, to record hours), a reason and hours. Returns null when
    /// allowed, else the Dutch reason it is refused (the API gives it as detail, the sheet per cell).
    /// </summary>
    public static string? Check(EnrolmentStatus current, EnrolmentStatus next, StopReason? reason, double? hours)
    {
        if (next != current && !CanMove(current, next))
        {
            return IsFinal(current)
                ? $"de status \"{current.Word()}\" is definitief en verandert niet meer"
                : $"van \"{current.Word()}\" kan de status niet naar \"{next.Word()}\" (toegestaan: {string.Join(", ", Next(current).Select(s => s.Word()))})";
        }

        if (next == EnrolmentStatus.Gestopt && reason is null) return $"\"gestopt\" vraagt een reden: {EnrolmentWords.ReasonList}";
        if (next != EnrolmentStatus.Gestopt && reason is not null) return "een reden hoort alleen bij \"gestopt\"";
        if (hours is { } h)
        {
            if (!AllowsHours(next)) return "uren kunnen pas vanaf \"gestart\" worden ingevuld";
            if (!double.IsFinite(h)) return "uren moeten een getal zijn";
            if (h < 0) return "uren kunnen niet negatief zijn";
            if (h > MaxHours) return "uren kunnen hoogstens 10.000 zijn";
            if (Math.Abs((h * 2) - Math.Round(h * 2)) > 1e-9) return "uren gaan per halfuur (bijvoorbeeld 2,5)";
        }

        return null;
    }
}
