using System.Collections.Frozen;
using Pnx.Newcomers;

namespace Pnx.Imports.Validation;

/// <summary>The Dutch level and the MO status: closed lists whose values are not personal, so they may be echoed.</summary>
internal static class ClosedLists
{
    private static readonly FrozenDictionary<string, DutchLevel> Levels =
        Enum.GetValues<DutchLevel>().ToFrozenDictionary(l => l.Label(), l => l, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, CivicOrientationStatus> Statuses =
        NewcomerLabels.CivicOrientation.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    private static readonly string LevelList = string.Join(", ", Enum.GetValues<DutchLevel>().OrderBy(l => l == DutchLevel.Geen).Select(l => l.Label()));

    private static readonly string StatusList = string.Join(", ", Enum.GetValues<CivicOrientationStatus>().Select(s => s.Label()));

    public static string? Level(string value, out DutchLevel level) =>
        Levels.TryGetValue(value, out level) ? null : $"{TextRules.Quote(value)} is not one of {LevelList}";

    public static string? CivicOrientation(string value, out CivicOrientationStatus status) =>
        Statuses.TryGetValue(value, out status) || Statuses.TryGetValue(CollapseSpaces(value), out status)
            ? null
            : $"{TextRules.Quote(value)} is not one of {StatusList}";

    /// <summary>Runs of white space become one space; returns the same instance when there is nothing to do.</summary>
    public static string CollapseSpaces(string value)
    {
        var needed = false;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsWhiteSpace(value[i]) && (value[i] != ' ' || (i + 1 < value.Length && char.IsWhiteSpace(value[i + 1]))))
            {
                needed = true;
                break;
            }
        }
        if (!needed) return value;

        var builder = new System.Text.StringBuilder(value.Length);
        var inSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace) builder.Append(' ');
                inSpace = true;
            }
            else
            {
                builder.Append(c);
                inSpace = false;
            }
        }
        return builder.ToString();
    }
}
