using System.Globalization;
using Pnx.Enrolments;

namespace Pnx.Newcomers.Pages;

/// <summary>
/// The list's filters, sort and page: closed lists only, so they may travel in the query string.
/// A name search never does: the query string carries only the opaque key it is stored under (<see cref="SearchKey"/>).
/// </summary>
public sealed record NewcomerFilter(
    InterestsAndNeeds Interests, DutchLevel? Level, bool LevelUnknown, CivicOrientationStatus? Status, string? Language, string Sort, int Page)
{
    public const int PageSize = 50;

    /// <summary>
    /// How far the list pages and counts: the first 10,000 newcomers a filter and sort let through (200 pages). Past that the
    /// list says "meer dan 10.000" and asks for a search or a filter, so no view counts or skips a whole large municipality.
    /// </summary>
    public const int MaxRows = 10_000;

    public const int MaxPage = MaxRows / PageSize;
    public const string Unknown = "onbekend";

    /// <summary>Hours recorded by the municipality that the "40 uur bereikt" filter asks for (the trajectory's goal).</summary>
    public const double GoalHours = 40;

    public static readonly IReadOnlyList<string> Sorts = ["dossier", "naam", "niveau", "mo", "contact", "uren"];

    /// <summary>The eleven interests and needs, then "geen": what the filter offers.</summary>
    public static readonly IReadOnlyList<(InterestsAndNeeds Value, string Label)> InterestChoices =
        [.. NewcomerLabels.Interests, (InterestsAndNeeds.Geen, NewcomerLabels.Geen)];

    /// <summary>Has an enrolment in this status.</summary>
    public EnrolmentStatus? EnrolmentStatus { get; init; }

    /// <summary>"nog niet gecontacteerd": no entry in the contact log.</summary>
    public bool NotContacted { get; init; }

    /// <summary>"40 uur bereikt": at least <see cref="GoalHours"/> hours recorded over all enrolments (not yet confirmed by the agency).</summary>
    public bool GoalReached { get; init; }

    /// <summary>"mijn inburgeraars": assigned to the signed-in case worker.</summary>
    public bool Mine { get; init; }

    /// <summary>"zoek": the key of a search text stored with <see cref="SavedSearches"/>; never the text.</summary>
    public string? SearchKey { get; init; }

    /// <summary>Reads the query string, ignoring anything outside the closed lists (no error page for a stale link).</summary>
    public static NewcomerFilter From(IQueryCollection query)
    {
        var interests = InterestsAndNeeds.None;
        foreach (var value in query["belang"])
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bit) && bit is >= 0 and <= 11)
                interests |= (InterestsAndNeeds)(1 << bit);
        }

        string? level = query["niveau"];
        string? status = query["mo"];
        string? language = query["taal"];
        string? sort = query["sorteer"];
        int.TryParse(query["pagina"], NumberStyles.None, CultureInfo.InvariantCulture, out var page);
        return new NewcomerFilter(
            interests,
            Enum.GetValues<DutchLevel>().Where(l => l.Label() == level).Select(l => (DutchLevel?)l).FirstOrDefault(),
            level == Unknown,
            NewcomerLabels.CivicOrientation.Where(s => s.Value == status).Select(s => (CivicOrientationStatus?)s.Key).FirstOrDefault(),
            language is { Length: 2 or 3 } && language.All(char.IsAsciiLetterLower) ? language : null,
            sort is not null && Sorts.Contains(sort) ? sort : "dossier",
            Math.Clamp(page, 1, MaxPage))
        {
            EnrolmentStatus = EnrolmentWords.TryParseStatus(query["inschrijving"], out var enrolment) ? enrolment : null,
            NotContacted = query["contact"] == "nooit",
            GoalReached = query["uren"] == "40",
            Mine = query["mijn"] == "1",
            SearchKey = SavedSearches.IsKey(query["zoek"]) ? query["zoek"].ToString() : null,
        };
    }

    public bool IsFiltered =>
        Interests != InterestsAndNeeds.None || Level is not null || LevelUnknown || Status is not null || Language is not null
        || EnrolmentStatus is not null || NotContacted || GoalReached || Mine;

    /// <summary>The query string for this filter with some parts changed (links for paging, sorting, removing a filter).</summary>
    public string Query(
        int? page = null, string? sort = null, InterestsAndNeeds? interests = null, bool dropLevel = false, bool dropStatus = false, bool dropLanguage = false,
        bool dropEnrolment = false, bool dropContact = false, bool dropGoal = false, bool dropMine = false, bool dropSearch = false)
    {
        var parts = new List<string>();
        var bits = interests ?? Interests;
        for (var bit = 0; bit <= 11; bit++)
        {
            if (bits.HasFlag((InterestsAndNeeds)(1 << bit))) parts.Add("belang=" + bit.ToString(CultureInfo.InvariantCulture));
        }

        if (!dropLevel && (Level is not null || LevelUnknown)) parts.Add("niveau=" + Uri.EscapeDataString(Level?.Label() ?? Unknown));
        if (!dropStatus && Status is { } s) parts.Add("mo=" + Uri.EscapeDataString(s.Label()));
        if (!dropLanguage && Language is not null) parts.Add("taal=" + Language);
        if (!dropEnrolment && EnrolmentStatus is { } e) parts.Add("inschrijving=" + Uri.EscapeDataString(e.Word()));
        if (!dropContact && NotContacted) parts.Add("contact=nooit");
        if (!dropGoal && GoalReached) parts.Add("uren=40");
        if (!dropMine && Mine) parts.Add("mijn=1");
        if (!dropSearch && SearchKey is not null) parts.Add("zoek=" + SearchKey);
        var sorting = sort ?? Sort;
        if (sorting != "dossier") parts.Add("sorteer=" + sorting);
        var p = page ?? Page;
        if (p > 1) parts.Add("pagina=" + p.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public static int BitOf(InterestsAndNeeds value) => System.Numerics.BitOperations.Log2((uint)value);
}
