using Pnx.Newcomers;

namespace Pnx.Imports;

/// <summary>One validated, normalised row of the agency's export.</summary>
public sealed record NewcomerRecord(
    int RowNumber,
    string DossierNumber,
    string FamilyName,
    string GivenNames,
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
    DateOnly? CertificateDate,
    string? MunicipalityNis);
