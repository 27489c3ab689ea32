using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Pnx.Imports.Validation;

/// <summary>
/// Contact language: an ISO 639-1 or 639-3 code, or the Dutch name, stored as the 639-1 code where one
/// exists, else the 639-3 code. Names match ignoring case and accents ("Oekraiens" is "Oekraïens").
/// A language is not personal data on its own, so an unknown value is echoed.
/// </summary>
internal static class LanguageRule
{
    private static readonly FrozenDictionary<string, string> CodeByKey = Build();

    public static string? Check(string value, out string code)
    {
        if (CodeByKey.TryGetValue(value, out code!) || CodeByKey.TryGetValue(Fold(value), out code!)) return null;
        code = "";
        return $"{TextRules.Quote(value)} is not a known language (an ISO 639-1 or 639-3 code, or the Dutch name)";
    }

    /// <summary>Every code or name the rule accepts, with the code it stores; for tests and documentation.</summary>
    internal static IReadOnlyDictionary<string, string> Keys => CodeByKey;

    /// <summary>Lower-case without diacritics and with single spaces, so spelling variants meet.</summary>
    internal static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static FrozenDictionary<string, string> Build()
    {
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in LanguageData.Table.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t');
            var (iso1, iso3) = (fields[0], fields[1]);
            var stored = iso1 == "-" ? iso3 : iso1;
            if (iso1 != "-") Add(keys, iso1, stored);
            Add(keys, iso3, stored);
            foreach (var name in fields[2].Split(", "))
            {
                Add(keys, name, stored);
                Add(keys, Fold(name), stored);
            }
        }
        return keys.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    // Two languages claiming one key would make the stored code depend on table order: fail loudly instead.
    private static void Add(Dictionary<string, string> keys, string key, string code)
    {
        if (keys.TryGetValue(key, out var existing) && existing != code)
            throw new InvalidOperationException($"Language key '{key}' maps to both '{existing}' and '{code}'.");
        keys[key] = code;
    }
}
