using System.Globalization;

namespace Pnx.Imports.Validation;

/// <summary>The columns a file may have, the ones it must have, and how header problems are worded.</summary>
internal sealed record ColumnSet(IReadOnlyList<string> All, IReadOnlyList<string> Required, HeaderTexts Texts)
{
    /// <summary>The agency's export (contract §4): the protocol's whitelist, messages as the contract's examples.</summary>
    public static readonly ColumnSet Newcomers = new(NewcomerColumns.All, NewcomerColumns.Required, HeaderTexts.English);
}

/// <summary>The wording of header problems: English for the agency's export, Dutch for the activity file.</summary>
internal sealed record HeaderTexts(Func<int, string> NoHeader, Func<string, string> NotAllowed, Func<int, int, string> Twice, string Missing)
{
    public static readonly HeaderTexts English = new(
        column => string.Create(CultureInfo.InvariantCulture,
            $"column {column} has no header; every column must be one the protocol allows (article 3)"),
        allowed => "is not allowed by the protocol's whitelist (article 3); allowed columns are " + allowed,
        (first, second) => string.Create(CultureInfo.InvariantCulture, $"appears more than once (columns {first} and {second})"),
        "is a required column but the file does not have it");
}
