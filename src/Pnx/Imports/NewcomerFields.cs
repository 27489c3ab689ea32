using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Pnx.Imports.Validation;
using Pnx.Newcomers;

namespace Pnx.Imports;

/// <summary>
/// The one definition of a newcomer's fields: the protocol's whitelist (article 3, contract §4) with,
/// per field, its column, rule, length, export text and whether it is personal. The import's header
/// map and validator, the planner's comparison, the bulk writer, the export, erasure and the EF Core
/// model all read this table; a field added here is handled everywhere (add the property to
/// <see cref="Newcomer"/> and a migration). <c>NewcomerFieldsTests</c> holds the entity to it.
/// </summary>
public static class NewcomerFields
{
    /// <summary>In the column order of the agency's export (then <see cref="NewcomerColumns.MunicipalityNis"/>).</summary>
    public static readonly IReadOnlyList<NewcomerField> All =
    [
        new NewcomerField<string>(n => n.DossierNumber, NewcomerFieldKind.Key, NewcomerColumns.DossierNumber, true, CodeRules.MaxDossierLength,
            static (string text, DateOnly _, out string value) => Out(CodeRules.Dossier(text), text, out value), null, v => v, v => v),
        Text(n => n.FamilyName, NewcomerColumns.FamilyName, 100, required: true),
        Text(n => n.GivenNames, NewcomerColumns.GivenNames, 100, required: true),
        Text(n => n.Street, NewcomerColumns.Street, 150),
        Text(n => n.HouseNumber, NewcomerColumns.HouseNumber, 10),
        Text(n => n.Box, NewcomerColumns.Box, 10),
        WithRule(n => n.PostalCode, NewcomerColumns.PostalCode, 4, static (string text, DateOnly _, out string? value) => Out(CodeRules.Postcode(text), text, out value)),
        Text(n => n.City, NewcomerColumns.City, 100),
        WithRule(n => n.Phone, NewcomerColumns.Phone, 20, static (string text, DateOnly _, out string? value) => Out(PhoneRule.Check(text, out var e164), e164, out value)),
        WithRule(n => n.Email, NewcomerColumns.Email, EmailRule.MaxLength, static (string text, DateOnly _, out string? value) => Out(EmailRule.Check(text, out var email), email, out value)),
        WithRule(n => n.ContactLanguage, NewcomerColumns.ContactLanguage, 3, static (string text, DateOnly _, out string? value) => Out(LanguageRule.Check(text, out var code), code, out value)),
        Coded(n => n.DutchLevel, NewcomerColumns.DutchLevel, 4, static (string text, DateOnly _, out DutchLevel? value) => Out(ClosedLists.Level(text, out var level), (DutchLevel?)level, out value), v => v.Label()),
        Coded(n => n.CivicOrientationStatus, NewcomerColumns.CivicOrientation, 16, static (string text, DateOnly _, out CivicOrientationStatus? value) => Out(ClosedLists.CivicOrientation(text, out var status), (CivicOrientationStatus?)status, out value), v => v.Label()),
        new NewcomerField<InterestsAndNeeds>(n => n.Interests, NewcomerFieldKind.Personal, NewcomerColumns.Interests, false, null,
            static (string text, DateOnly _, out InterestsAndNeeds value) => InterestRule.Check(text, out value), null, v => v.Label(), v => (int)v)
        {
            AllowsLineBreaks = true,
        },
        new NewcomerField<DateOnly?>(n => n.CertificateDate, NewcomerFieldKind.Personal, NewcomerColumns.CertificateDate, false, null,
            static (string text, DateOnly today, out DateOnly? value) => Out(DateRule.Check(text, today, out var date), (DateOnly?)date, out value),
            null, v => v?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", v => v),
        new NewcomerField<string?>(n => n.SearchName, NewcomerFieldKind.Derived, null, false, NewcomerSearch.MaxLength,
            null, n => NewcomerSearch.Of(n.FamilyName, n.GivenNames), v => v ?? "", v => v),
    ];

    /// <summary>The fields read from the file, in column order: the key and the personal fields.</summary>
    public static readonly IReadOnlyList<NewcomerField> Imported = [.. All.Where(f => f.Column is not null)];

    /// <summary>What erasure blanks: every personal and derived field.</summary>
    public static readonly IReadOnlyList<NewcomerField> Personal = [.. All.Where(f => f.IsPersonal)];

    /// <summary>What an import compares to tell "updated" from "unchanged", and overwrites.</summary>
    public static readonly IReadOnlyList<NewcomerField> Compared = [.. All.Where(f => f.Kind == NewcomerFieldKind.Personal)];

    /// <summary>True when every imported personal value of <paramref name="a"/> equals that of <paramref name="b"/>.</summary>
    public static bool SameValues(Newcomer a, Newcomer b)
    {
        foreach (var field in Compared)
        {
            if (!field.Same(a, b)) return false;
        }

        return true;
    }

    /// <summary>A copy of the fields' values (the key included), for a record changed in a test or a tool.</summary>
    public static Newcomer Copy(Newcomer values)
    {
        var copy = new Newcomer { DossierNumber = values.DossierNumber };
        foreach (var field in All) field.Copy(values, copy);
        return copy;
    }

    private static NewcomerField<string?> Text(Expression<Func<Newcomer, string?>> property, string column, int maxLength, bool required = false) =>
        WithRule(property, column, maxLength, (string text, DateOnly _, out string? value) =>
        {
            value = text;
            return TextRules.MaxLength(text, maxLength);
        }, required);

    private static NewcomerField<string?> WithRule(
        Expression<Func<Newcomer, string?>> property, string column, int maxLength, CellRule<string?> rule, bool required = false) =>
        new(property, NewcomerFieldKind.Personal, column, required, maxLength, rule, null, v => v ?? "", v => v);

    /// <summary>A closed list stored by its enum name, as EF Core's string conversion does.</summary>
    private static NewcomerField<TEnum?> Coded<TEnum>(
        Expression<Func<Newcomer, TEnum?>> property, string column, int maxLength, CellRule<TEnum?> rule, Func<TEnum, string> label)
        where TEnum : struct, Enum =>
        new(property, NewcomerFieldKind.Personal, column, false, maxLength, rule, null,
            v => v is { } value ? label(value) : "", v => v is { } value ? EnumNames<TEnum>.Of(value) : null, p => p.HasConversion<string>());

    private static string? Out<T>(string? error, T result, out T value)
    {
        value = result;
        return error;
    }

    /// <summary>Enum names without Enum.ToString's per-call cost (the bulk writer's hot path).</summary>
    private static class EnumNames<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly Dictionary<TEnum, string> Names = Enum.GetValues<TEnum>().ToDictionary(v => v, v => v.ToString());

        public static string Of(TEnum value) => Names[value];
    }
}
