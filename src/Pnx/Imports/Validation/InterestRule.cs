using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Pnx.Newcomers;

namespace Pnx.Imports.Validation;

/// <summary>
/// Interests and needs (article 3): the eleven labels or their numbers 1-11, separated by '|', ';' or a
/// line break; or "geen" alone. Labels match case-insensitively, ignoring repeated spaces and spaces
/// around '/'. The values are the protocol's, not the person's, so an unknown one is echoed.
/// </summary>
internal static class InterestRule
{
    private static readonly SearchValues<char> Separators = SearchValues.Create("|;\n\r\u2028\u2029");

    private static readonly FrozenDictionary<string, InterestsAndNeeds> ByKey = BuildKeys();

    public static string? Check(string value, out InterestsAndNeeds interests)
    {
        interests = InterestsAndNeeds.None;
        var rest = value.AsSpan();
        var geen = false;
        var others = false;
        while (true)
        {
            var end = rest.IndexOfAny(Separators);
            var token = (end < 0 ? rest : rest[..end]).Trim();
            if (!token.IsEmpty)
            {
                if (!TryMatch(token, out var item))
                {
                    interests = InterestsAndNeeds.None;
                    return $"{TextRules.Quote(token.ToString())} is not one of the protocol's interests and needs "
                        + "(1-11 or their labels) or geen";
                }
                if (item == InterestsAndNeeds.Geen) geen = true;
                else others = true;
                interests |= item;
            }
            if (end < 0) break;
            rest = rest[(end + 1)..];
        }

        if (geen && others)
        {
            interests = InterestsAndNeeds.None;
            return "\"geen\" cannot be combined with other interests and needs";
        }
        return null;
    }

    /// <summary>
    /// The values of a list cell, trimmed, empty ones dropped, split as contract §4 separates interests: by
    /// '|', ';' or a line break. The activity file separates its categories, languages and partners the same way.
    /// </summary>
    public static List<string> SplitList(string value)
    {
        var items = new List<string>();
        var rest = value.AsSpan();
        while (true)
        {
            var end = rest.IndexOfAny(Separators);
            var token = (end < 0 ? rest : rest[..end]).Trim();
            if (!token.IsEmpty) items.Add(token.ToString());
            if (end < 0) return items;
            rest = rest[(end + 1)..];
        }
    }

    /// <summary>One interest or need (or "geen") by label or number 1-11, matched as <see cref="Check"/> does.</summary>
    public static bool TryMatch(string token, out InterestsAndNeeds item) => TryMatch(token.AsSpan(), out item);

    private static bool TryMatch(ReadOnlySpan<char> token, out InterestsAndNeeds item)
    {
        var lookup = ByKey.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(token, out item)) return true;
        return lookup.TryGetValue(Canonical(token), out item);
    }

    /// <summary>Lower-case, one space between words, no space around '/'.</summary>
    internal static string Canonical(ReadOnlySpan<char> token)
    {
        var builder = new StringBuilder(token.Length);
        var pendingSpace = false;
        foreach (var c in token)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0 && builder[^1] != '/';
                continue;
            }
            if (c == '/') pendingSpace = false;
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static FrozenDictionary<string, InterestsAndNeeds> BuildKeys()
    {
        var keys = new Dictionary<string, InterestsAndNeeds>(StringComparer.OrdinalIgnoreCase)
        {
            [NewcomerLabels.Geen] = InterestsAndNeeds.Geen,
        };
        for (var i = 0; i < NewcomerLabels.Interests.Count; i++)
        {
            var (item, label) = NewcomerLabels.Interests[i];
            keys[Canonical(label)] = item;
            keys[(i + 1).ToString(CultureInfo.InvariantCulture)] = item;
        }
        return keys.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
