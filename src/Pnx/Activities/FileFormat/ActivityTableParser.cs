using Pnx.Imports;
using Pnx.Imports.Validation;

namespace Pnx.Activities.FileFormat;

/// <summary>
/// Applies contract §7 to the reader's table: the column set (unknown and missing columns refused by name),
/// every row's rules, and unique ids. Every problem is reported, in row order, up to <see cref="MaxProblems"/>.
/// </summary>
public static class ActivityTableParser
{
    public const int MaxProblems = 100;

    public static ActivityParseResult Parse(RawTable table)
    {
        var problems = new List<ImportProblem>();
        var map = HeaderMap.Build(table.Headers, ActivityColumns.Set, problems);
        if (problems.Count > 0) return new ActivityParseResult([], Cap(problems));

        var validator = new ActivityRowValidator(map);
        var records = new List<ActivityRecord>(table.Rows.Count);
        var firstRowById = new Dictionary<int, int>();
        var idIndex = map.IndexOf(ActivityColumns.Id);
        foreach (var row in table.Rows)
        {
            if (row.Cells.All(string.IsNullOrWhiteSpace)) continue;
            var rowProblems = new List<ImportProblem>();
            var record = validator.Validate(row, rowProblems);
            problems.AddRange(rowProblems);
            var id = record?.Id ?? IdOf(row, idIndex);
            if (id is { } key && !firstRowById.TryAdd(key, row.RowNumber))
            {
                problems.Add(new ImportProblem(row.RowNumber, ActivityColumns.Id, ActivityFileTexts.DuplicateId(row.Cells[idIndex].Trim(), firstRowById[key])));
                continue;
            }

            if (record is not null) records.Add(record);
        }

        return new ActivityParseResult(records, Cap(problems));
    }

    /// <summary>Validates one row that did not come from a file (the browser form), cells in <see cref="ActivityColumns.All"/> order.</summary>
    public static (ActivityRecord? Record, IReadOnlyList<ImportProblem> Problems) ParseOne(string[] cells)
    {
        var problems = new List<ImportProblem>();
        var map = HeaderMap.Build(ActivityColumns.All, ActivityColumns.Set, problems);
        var record = new ActivityRowValidator(map).Validate(new RawRow(2, cells), problems);
        return (record, problems);
    }

    private static int? IdOf(RawRow row, int index) =>
        index >= 0 && index < row.Cells.Length && int.TryParse(row.Cells[index].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;

    private static List<ImportProblem> Cap(List<ImportProblem> problems)
    {
        if (problems.Count <= MaxProblems) return problems;
        var capped = problems.GetRange(0, MaxProblems);
        capped.Add(ImportProblem.File(ActivityFileTexts.MoreProblems(problems.Count - MaxProblems)));
        return capped;
    }
}

/// <summary>The rows that passed and every problem; nothing is written unless <see cref="Problems"/> is empty.</summary>
public sealed record ActivityParseResult(IReadOnlyList<ActivityRecord> Records, IReadOnlyList<ImportProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
