using System.Globalization;
using System.Text;

namespace Pnx.Newcomers;

/// <summary>
/// The search form of a name: upper case, accents removed, spaces collapsed. Stored in
/// <see cref="Newcomer.SearchName"/> so that a case- and accent-insensitive "contains" is a plain
/// ordinal substring test on both SQLite and PostgreSQL (neither engine's upper() agrees with the other).
/// Arabic spellings that writers use interchangeably are folded to one (alif maqsura to ya, ta marbuta to ha,
/// no tatweel; hamza forms of alif lose their hamza with the other marks), Turkish dotless ı is I, and the Ethiopic word
/// space counts as a space.
/// </summary>
public static class NewcomerSearch
{
    public const int MaxLength = 201;

    /// <summary>Search words beyond this many are ignored (each one is a substring test).</summary>
    public const int MaxTerms = 6;

    // Invariant upper-casing leaves Turkish ı as it is; "Yilmaz" must find "Yılmaz".
    private const char DotlessI = '\u0131';
    private const char Tatweel = '\u0640';
    private const char AlifMaqsura = '\u0649';
    private const char Ya = '\u064A';
    private const char TaMarbuta = '\u0629';
    private const char Ha = '\u0647';
    private const char EthiopicWordSpace = '\u1361';

    /// <summary>
    /// The words of a typed search in the stored form, split on spaces, hyphens and apostrophes, so that
    /// "Iryna Oliinyk", "oliinyk iryna" and "al hassan" each find their person: every word must occur in the name.
    /// </summary>
    public static IReadOnlyList<string> Terms(string text) =>
        Normalize(text).Split([' ', '-', '\'', '\u2019', '\u02BC'], StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).Take(MaxTerms).ToList();

    /// <summary>
    /// The typed text as part of a dossier number (upper case), when it looks like one: only the characters a dossier
    /// number may hold, and at least one digit (names have none).
    /// </summary>
    public static string? DossierPart(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length is > 0 and <= 32 && trimmed.Any(char.IsAsciiDigit)
            && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/')
            ? trimmed.ToUpperInvariant()
            : null;
    }

    public static string? Of(string? familyName, string? givenNames) =>
        familyName is null && givenNames is null ? null : Normalize($"{familyName} {givenNames}");

    public static string Normalize(string text)
    {
        // Most names are plain ASCII: upper-case and collapse spaces without the Unicode round trips (hot in imports).
        if (System.Text.Ascii.IsValid(text)) return NormalizeAscii(text);

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (c == Tatweel) continue;
            if (char.IsWhiteSpace(c) || c == EthiopicWordSpace)
            {
                space = builder.Length > 0;
                continue;
            }

            if (space) builder.Append(' ');
            space = false;
            builder.Append(c switch
            {
                AlifMaqsura => Ya,
                DotlessI => 'I',
                TaMarbuta => Ha,
                _ => char.ToUpperInvariant(c),
            });
        }

        var result = builder.ToString().Normalize(NormalizationForm.FormC);
        return result.Length > MaxLength ? result[..MaxLength] : result;
    }

    private static string NormalizeAscii(string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var space = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f')
            {
                space = length > 0;
                continue;
            }

            if (space) buffer[length++] = ' ';
            space = false;
            buffer[length++] = char.ToUpperInvariant(c);
        }

        return new string(buffer[..Math.Min(length, MaxLength)]);
    }
}
