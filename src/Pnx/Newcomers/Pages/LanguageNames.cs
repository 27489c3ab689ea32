using System.Collections.Frozen;
using Pnx.Imports.Validation;

namespace Pnx.Newcomers.Pages;

/// <summary>The Dutch name of a stored contact language code (ISO 639-1 or 639-3), from the import's language table.</summary>
public static class LanguageNames
{
    private static readonly FrozenDictionary<string, string> ByCode = Build();

    /// <summary>"Arabisch (ar)" for every known code, built once: a list page shows fifty.</summary>
    private static readonly FrozenDictionary<string, string> WithCode =
        ByCode.ToFrozenDictionary(entry => entry.Key, entry => $"{entry.Value} ({entry.Key})", StringComparer.Ordinal);

    public static string Dutch(string? code) =>
        code is null ? "" : WithCode.TryGetValue(code, out var name) ? name : code;

    /// <summary>The Dutch name alone ("Arabisch"), for a sentence; the code when the table does not know it.</summary>
    public static string Name(string code) => ByCode.TryGetValue(code, out var name) ? name : code;

    private static FrozenDictionary<string, string> Build()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in LanguageData.Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('\t');
            if (parts.Length < 3) continue;
            var name = parts[2].Split(", ")[0];
            if (parts[0] != "-") names.TryAdd(parts[0], name);
            names.TryAdd(parts[1], name);
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
