namespace Pnx.Imports.Validation;

/// <summary>Rules for the fixed-format keys: dossier number, postcode, NIS code.</summary>
internal static class CodeRules
{
    public const int MaxDossierLength = 32;

    /// <summary>The dossier number is personal (it identifies a newcomer in the source system): never echoed.</summary>
    public static string? Dossier(string value)
    {
        if (value.Length > MaxDossierLength) return "is longer than 32 characters";
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/'))
                return "may only hold the letters A-Z and a-z, digits, '-', '_' and '/'";
        }
        return null;
    }

    /// <summary>A postcode is part of an address, so it is personal: never echoed.</summary>
    public static string? Postcode(string value) =>
        value.Length == 4 && AllDigits(value) && value[0] != '0'
            ? null
            : "is not a Belgian postcode (four digits, 1000-9999)";

    /// <summary>Only the format: whether the municipality exists and has a protocol is the import step's call.</summary>
    public static string? Nis(string value) =>
        value.Length == 5 && AllDigits(value)
            ? null
            : TextRules.Quote(value) + " is not a NIS code (five digits)";

    public static bool AllDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return value.Length > 0;
    }
}
