namespace Pnx.Imports;

/// <summary>
/// One thing wrong with an import file. <see cref="Row"/> is 1-based with the header as row 1, counted
/// in records as a spreadsheet shows them. Messages never carry personal values or values of
/// columns outside the whitelist.
/// </summary>
public sealed record ImportProblem(int? Row, string? Column, string Message)
{
    public static ImportProblem File(string message) => new(null, null, message);

    /// <summary>e.g. <c>newcomers.csv: row 12, column "Niveau Nederlands": "B3" is not one of ...</c></summary>
    public string Format(string fileName) => (Row, Column) switch
    {
        (null, null) => $"{fileName}: {Message}",
        (null, { } column) => $"{fileName}: column \"{column}\": {Message}",
        ({ } row, null) => $"{fileName}: row {row}: {Message}",
        ({ } row, { } column) => $"{fileName}: row {row}, column \"{column}\": {Message}",
    };
}
