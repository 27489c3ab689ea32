using System.Globalization;
using System.Text;

namespace Pnx.Newcomers;

/// <summary>
/// The search form of a name: upper case, accents removed, spaces collapsed. Stored in
/// <see cref="Newcomer.SearchName"/> so that a case- and accent-insensitive "contains" is a plain
/// ordinal substring test on both SQLite and PostgreSQL (neither engine's upper() agrees with the other).
/// </summary>
public static class NewcomerSearch
{
    public const int MaxLength = 201;

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
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space) builder.Append(' ');
            space = false;
            builder.Append(char.ToUpperInvariant(c));
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
