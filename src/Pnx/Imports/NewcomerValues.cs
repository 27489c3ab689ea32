using Pnx.Newcomers;

namespace Pnx.Imports;

/// <summary>The personal fields of one newcomer, compared as a whole to tell "updated" from "unchanged".</summary>
public readonly record struct NewcomerValues(
    string? FamilyName,
    string? GivenNames,
    string? Street,
    string? HouseNumber,
    string? Box,
    string? PostalCode,
    string? City,
    string? Phone,
    string? Email,
    string? ContactLanguage,
    DutchLevel? DutchLevel,
    CivicOrientationStatus? CivicOrientationStatus,
    InterestsAndNeeds Interests,
    DateOnly? CertificateDate)
{
    public static NewcomerValues From(NewcomerRecord r) => new(
        r.FamilyName, r.GivenNames, r.Street, r.HouseNumber, r.Box, r.PostalCode, r.City,
        r.Phone, r.Email, r.ContactLanguage, r.DutchLevel, r.CivicOrientationStatus, r.Interests, r.CertificateDate);
}
