using System.Collections.Frozen;
using Pnx.Imports;

namespace Pnx.Api.Newcomers;

/// <summary>
/// The JSON members of a pushed newcomer and the §4 column each one stands for: the protocol's whitelist, as
/// contract §8 names it. A member not in this table is refused; the values go through the file import's rules.
/// </summary>
public static class PushFields
{
    public const string Interests = "interests";
    public const string CertificateDate = "certificateDate";

    public static readonly IReadOnlyList<(string Member, string Column)> All =
    [
        ("dossierNumber", NewcomerColumns.DossierNumber),
        ("familyName", NewcomerColumns.FamilyName),
        ("givenNames", NewcomerColumns.GivenNames),
        ("street", NewcomerColumns.Street),
        ("houseNumber", NewcomerColumns.HouseNumber),
        ("box", NewcomerColumns.Box),
        ("postalCode", NewcomerColumns.PostalCode),
        ("city", NewcomerColumns.City),
        ("phone", NewcomerColumns.Phone),
        ("email", NewcomerColumns.Email),
        ("contactLanguage", NewcomerColumns.ContactLanguage),
        ("dutchLevel", NewcomerColumns.DutchLevel),
        ("civicOrientationStatus", NewcomerColumns.CivicOrientation),
        (Interests, NewcomerColumns.Interests),
        (CertificateDate, NewcomerColumns.CertificateDate),
    ];

    public static readonly FrozenSet<string> Members = All.Select(f => f.Member).ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, string> MemberByColumn = All.ToFrozenDictionary(f => f.Column, f => f.Member, StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> Columns = All.Select(f => f.Column).ToList();
}
