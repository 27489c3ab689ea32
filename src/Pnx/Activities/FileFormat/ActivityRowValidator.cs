using System.Globalization;
using Pnx.Imports;
using Pnx.Imports.Validation;
using Pnx.Newcomers;
using static Pnx.Activities.FileFormat.ActivityFileTexts;

namespace Pnx.Activities.FileFormat;

/// <summary>
/// The column rules of the activity file (contract §7), with the value rules of §4 reused where §7 says "as in
/// §4" (e-mail, phone, postcode, language, Dutch level, dates, list separators). Every problem of a row is
/// collected; a record comes out only when there are none. The browser form goes through the same rules.
/// </summary>
internal sealed class ActivityRowValidator(HeaderMap map)
{
    public const int MaxCapacity = 100_000;

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    private readonly int[] _index = ActivityColumns.All.Select(map.IndexOf).ToArray();

    public ActivityRecord? Validate(RawRow row, List<ImportProblem> problems)
    {
        var c = new Cells(row, _index, problems);
        var idText = c.Text(ActivityColumns.Id, required: false);
        int? id = null;
        if (idText is not null)
        {
            if (int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0) id = parsed;
            else c.Fail(ActivityColumns.Id, NotAnId(idText));
        }

        var title = c.Text(ActivityColumns.Title, required: true, max: 150);
        var description = c.Text(ActivityColumns.Description, required: false, max: 2000, lineBreaks: true);
        var organiser = c.Text(ActivityColumns.Organiser, required: true, max: 150);
        var contactPerson = c.Text(ActivityColumns.ContactPerson, required: false, max: 100);
        var email = c.Rule(ActivityColumns.ContactEmail, v => EmailRule.Check(v, out var e) is null ? e : null, Email);
        var phone = c.Rule(ActivityColumns.ContactPhone, v => PhoneRule.Check(v, out var e) is null ? e : null, Phone);
        var address = c.Text(ActivityColumns.Address, required: false, max: 150);
        var postalCode = c.Rule(ActivityColumns.PostalCode, v => CodeRules.Postcode(v) is null ? v : null, Postcode);
        var city = c.Text(ActivityColumns.City, required: false, max: 100);
        var categories = CategoriesOf(ref c);
        var childcare = YesNoOf(ref c, ActivityColumns.Childcare);
        var family = YesNoOf(ref c, ActivityColumns.FamilyActivity);
        var free = YesNoOf(ref c, ActivityColumns.Free);
        var level = DutchLevel.Geen;
        if (c.Text(ActivityColumns.MinimumDutchLevel, required: false) is { } levelText)
        {
            if (ClosedLists.Level(levelText, out var parsed) is null) level = parsed;
            else c.Fail(ActivityColumns.MinimumDutchLevel, Level(levelText));
        }

        var languages = LanguagesOf(ref c);
        var capacity = CapacityOf(ref c);
        var hours = HoursOf(ref c);
        var from = DateOf(ref c, ActivityColumns.From);
        var to = DateOf(ref c, ActivityColumns.To);
        if (from is { } start && to is { } end && end < start) c.Fail(ActivityColumns.To, ToBeforeFrom(c.Raw(ActivityColumns.To), start));
        var shared = SharedWithOf(ref c);

        if (c.Failed) return null;
        return new ActivityRecord(row.RowNumber, id, new ActivityValues(
            title!, description, organiser!, contactPerson, email, phone, address, postalCode, city, categories,
            childcare, family, free, level, languages, capacity, hours, from, to, shared));
    }

    private static InterestsAndNeeds CategoriesOf(ref Cells c)
    {
        var categories = InterestsAndNeeds.None;
        if (c.Text(ActivityColumns.Categories, required: true, lineBreaks: true) is not { } text) return categories;
        foreach (var token in InterestRule.SplitList(text))
        {
            if (!InterestRule.TryMatch(token, out var item)) c.Fail(ActivityColumns.Categories, UnknownCategory(token));
            else if (item == InterestsAndNeeds.Geen) c.Fail(ActivityColumns.Categories, GeenIsNoCategory);
            else if (item >= InterestsAndNeeds.NeedsChildcare) c.Fail(ActivityColumns.Categories, NeedIsNoCategory(token));
            else categories |= item;
        }

        return categories;
    }

    private static bool YesNoOf(ref Cells c, string column)
    {
        var text = c.Text(column, required: false);
        if (text is null || string.Equals(text, "nee", StringComparison.OrdinalIgnoreCase)) return false;
        if (string.Equals(text, "ja", StringComparison.OrdinalIgnoreCase)) return true;
        c.Fail(column, YesNo(text));
        return false;
    }

    private static string? LanguagesOf(ref Cells c)
    {
        if (c.Text(ActivityColumns.Languages, required: false, lineBreaks: true) is not { } text) return null;
        var codes = new List<string>();
        foreach (var token in InterestRule.SplitList(text))
        {
            if (LanguageRule.Check(token, out var code) is null) codes.Add(code);
            else c.Fail(ActivityColumns.Languages, Language(token));
        }

        var joined = ActivityValues.JoinCodes(codes);
        if (joined is { Length: > 200 }) c.Fail(ActivityColumns.Languages, TooManyLanguages);
        return joined;
    }

    private static int? CapacityOf(ref Cells c)
    {
        if (c.Text(ActivityColumns.Capacity, required: false) is not { } text) return null;
        if (text.Length <= 6 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var capacity) && capacity is >= 1 and <= MaxCapacity)
            return capacity;
        c.Fail(ActivityColumns.Capacity, Capacity(text));
        return null;
    }

    private static double? HoursOf(ref Cells c)
    {
        if (c.Text(ActivityColumns.Hours, required: false) is not { } text) return null;
        if (ActivityHours.TryParse(text, out var hours)) return hours;
        c.Fail(ActivityColumns.Hours, Hours(text));
        return null;
    }

    private static DateOnly? DateOf(ref Cells c, string column)
    {
        if (c.Text(column, required: false) is not { } text) return null;
        var problem = DateRule.Parse(text, out var date);
        if (problem != DateProblem.None) c.Fail(column, Date(text, problem));
        else if (date < Earliest || date > Latest) c.Fail(column, DateOutOfRange(text));
        else return date;
        return null;
    }

    private static string? SharedWithOf(ref Cells c)
    {
        if (c.Text(ActivityColumns.SharedWith, required: false, lineBreaks: true) is not { } text) return null;
        var codes = new List<string>();
        foreach (var token in InterestRule.SplitList(text.Replace(',', '|')))
        {
            if (CodeRules.Nis(token) is null) codes.Add(token);
            else c.Fail(ActivityColumns.SharedWith, Nis(token));
        }

        return ActivityValues.JoinCodes(codes);
    }

    /// <summary>The row's cells by column name, and the row's problems.</summary>
    private struct Cells(RawRow row, int[] index, List<ImportProblem> problems)
    {
        public bool Failed;

        public readonly string Raw(string column)
        {
            var i = index[Position(column)];
            return i >= 0 && i < row.Cells.Length ? (row.Cells[i] ?? "").Trim() : "";
        }

        /// <summary>The cleaned cell, or null when empty or wrong (then a problem is recorded).</summary>
        public string? Text(string column, bool required, int max = 0, bool lineBreaks = false)
        {
            var error = TextRules.Clean(Raw(column), lineBreaks, out var value);
            if (error is not null)
            {
                Fail(column, Cleaning(error));
                return null;
            }

            if (value.Length == 0)
            {
                if (required) Fail(column, Required);
                return null;
            }

            // Stored with '\n' only, whatever the file or the browser sent, so that text reads back identical.
            if (lineBreaks) value = value.ReplaceLineEndings("\n");

            if (max > 0 && TextRules.MaxLength(value, max) is not null)
            {
                Fail(column, TooLong(value, max));
                return null;
            }

            return value;
        }

        /// <summary>A cell checked by a shared rule that returns the stored form, or null when it refuses the value.</summary>
        public string? Rule(string column, Func<string, string?> normalise, Func<string, string> reason)
        {
            if (Text(column, required: false) is not { } value) return null;
            if (normalise(value) is { } stored) return stored;
            Fail(column, reason(value));
            return null;
        }

        public void Fail(string column, string reason)
        {
            Failed = true;
            problems.Add(new ImportProblem(row.RowNumber, column, reason));
        }

        private static int Position(string column)
        {
            for (var i = 0; i < ActivityColumns.All.Count; i++)
            {
                if (ActivityColumns.All[i] == column) return i;
            }

            throw new ArgumentException($"Not a column of the activity file: {column}", nameof(column));
        }
    }
}
