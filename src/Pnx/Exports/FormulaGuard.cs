using System.Text.RegularExpressions;

namespace Pnx.Exports;

/// <summary>
/// Contract §5: no exported CSV value may act as a spreadsheet formula. A value that would start
/// with one of the trigger characters gets a leading apostrophe, which the importer strips again.
/// A phone number in E.164 form is left alone: it is stored that way and must read back unchanged.
/// </summary>
public static partial class FormulaGuard
{
    public const char Prefix = '\'';

    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static bool IsTriggering(string value) => value.Length > 0 && Array.IndexOf(Triggers, value[0]) >= 0;

    /// <summary>
    /// Prefixes a triggering value with an apostrophe. A value that already starts with an apostrophe
    /// gets one more, because the importer strips one before a trigger or an apostrophe.
    /// </summary>
    public static string Neutralise(string value, bool isPhoneColumn = false)
    {
        if (value.Length > 0 && value[0] == Prefix) return Prefix + value;
        if (!IsTriggering(value)) return value;
        if (isPhoneColumn && E164().IsMatch(value)) return value;
        return Prefix + value;
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
