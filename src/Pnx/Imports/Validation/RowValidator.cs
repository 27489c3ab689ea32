using Pnx.Newcomers;

namespace Pnx.Imports.Validation;

/// <summary>
/// Applies every column rule to one row. All problems of the row are collected, not only the first;
/// a record comes out only when there are none. Stateless apart from the column map, so rows can be
/// validated in parallel.
/// </summary>
internal sealed class RowValidator(HeaderMap map, DateOnly today)
{
    private readonly int _dossier = map.IndexOf(NewcomerColumns.DossierNumber);
    private readonly int _familyName = map.IndexOf(NewcomerColumns.FamilyName);
    private readonly int _givenNames = map.IndexOf(NewcomerColumns.GivenNames);
    private readonly int _street = map.IndexOf(NewcomerColumns.Street);
    private readonly int _houseNumber = map.IndexOf(NewcomerColumns.HouseNumber);
    private readonly int _box = map.IndexOf(NewcomerColumns.Box);
    private readonly int _postalCode = map.IndexOf(NewcomerColumns.PostalCode);
    private readonly int _city = map.IndexOf(NewcomerColumns.City);
    private readonly int _phone = map.IndexOf(NewcomerColumns.Phone);
    private readonly int _email = map.IndexOf(NewcomerColumns.Email);
    private readonly int _language = map.IndexOf(NewcomerColumns.ContactLanguage);
    private readonly int _level = map.IndexOf(NewcomerColumns.DutchLevel);
    private readonly int _civicOrientation = map.IndexOf(NewcomerColumns.CivicOrientation);
    private readonly int _interests = map.IndexOf(NewcomerColumns.Interests);
    private readonly int _certificateDate = map.IndexOf(NewcomerColumns.CertificateDate);
    private readonly int _nis = map.IndexOf(NewcomerColumns.MunicipalityNis);

    /// <summary>Returns the record, or null with the row's problems in <paramref name="problems"/>.</summary>
    public NewcomerRecord? Validate(RawRow row, ref List<ImportProblem>? problems)
    {
        var context = new Context(row, problems);

        var dossier = context.Text(_dossier, NewcomerColumns.DossierNumber, required: true, CodeRules.Dossier);
        var familyName = context.Text(_familyName, NewcomerColumns.FamilyName, required: true, MaxLength100);
        var givenNames = context.Text(_givenNames, NewcomerColumns.GivenNames, required: true, MaxLength100);
        var street = context.Text(_street, NewcomerColumns.Street, required: false, static v => TextRules.MaxLength(v, 150));
        var houseNumber = context.Text(_houseNumber, NewcomerColumns.HouseNumber, required: false, MaxLength10);
        var box = context.Text(_box, NewcomerColumns.Box, required: false, MaxLength10);
        var postalCode = context.Text(_postalCode, NewcomerColumns.PostalCode, required: false, CodeRules.Postcode);
        var city = context.Text(_city, NewcomerColumns.City, required: false, MaxLength100);

        string? phone = null;
        if (context.Text(_phone, NewcomerColumns.Phone, required: false, null) is { } rawPhone)
            phone = context.Check(NewcomerColumns.Phone, PhoneRule.Check(rawPhone, out var e164), e164);

        string? email = null;
        if (context.Text(_email, NewcomerColumns.Email, required: false, null) is { } rawEmail)
            email = context.Check(NewcomerColumns.Email, EmailRule.Check(rawEmail, out var normalised), normalised);

        string? language = null;
        if (context.Text(_language, NewcomerColumns.ContactLanguage, required: false, null) is { } rawLanguage)
            language = context.Check(NewcomerColumns.ContactLanguage, LanguageRule.Check(rawLanguage, out var code), code);

        DutchLevel? level = null;
        if (context.Text(_level, NewcomerColumns.DutchLevel, required: false, null) is { } rawLevel)
            level = context.Check(NewcomerColumns.DutchLevel, ClosedLists.Level(rawLevel, out var l), (DutchLevel?)l);

        CivicOrientationStatus? civicOrientation = null;
        if (context.Text(_civicOrientation, NewcomerColumns.CivicOrientation, required: false, null) is { } rawStatus)
            civicOrientation = context.Check(NewcomerColumns.CivicOrientation, ClosedLists.CivicOrientation(rawStatus, out var s), (CivicOrientationStatus?)s);

        var interests = InterestsAndNeeds.None;
        if (context.Text(_interests, NewcomerColumns.Interests, required: false, null, allowLineBreaks: true) is { } rawInterests)
            interests = context.Check(NewcomerColumns.Interests, InterestRule.Check(rawInterests, out var set), set);

        DateOnly? certificateDate = null;
        if (context.Text(_certificateDate, NewcomerColumns.CertificateDate, required: false, null) is { } rawDate)
            certificateDate = context.Check(NewcomerColumns.CertificateDate, DateRule.Check(rawDate, today, out var date), (DateOnly?)date);

        var nis = context.Text(_nis, NewcomerColumns.MunicipalityNis, required: false, CodeRules.Nis);

        problems = context.Problems;
        if (context.Failed) return null;
        return new NewcomerRecord(
            row.RowNumber, dossier!, familyName!, givenNames!, street, houseNumber, box, postalCode, city,
            phone, email, language, level, civicOrientation, interests, certificateDate, nis);
    }

    private static string? MaxLength100(string value) => TextRules.MaxLength(value, 100);

    private static string? MaxLength10(string value) => TextRules.MaxLength(value, 10);

    private struct Context(RawRow row, List<ImportProblem>? problems)
    {
        public List<ImportProblem>? Problems = problems;
        public bool Failed;

        /// <summary>The cleaned cell, or null when empty or wrong (then a problem is recorded).</summary>
        public string? Text(int index, string column, bool required, Func<string, string?>? rule, bool allowLineBreaks = false)
        {
            var raw = index >= 0 && index < row.Cells.Length ? row.Cells[index] : "";
            var error = TextRules.Clean(raw ?? "", allowLineBreaks, out var value);
            if (error is null && value.Length == 0)
            {
                if (required) error = TextRules.Required;
                else return null;
            }
            error ??= rule?.Invoke(value);
            return Check(column, error, value);
        }

        public T? Check<T>(string column, string? error, T value)
        {
            if (error is null) return value;
            Failed = true;
            (Problems ??= []).Add(new ImportProblem(row.RowNumber, column, error));
            return default;
        }
    }
}
