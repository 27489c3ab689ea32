using System.Collections.Concurrent;
using System.Globalization;

namespace Pnx.Imports.Validation;

/// <summary>
/// Turns the reader's <see cref="RawTable"/> into validated, normalised <see cref="NewcomerRecord"/>s
/// by the rules of contract §4 and the protocol's whitelist (article 3). Reports every problem, in
/// row order, capped at <see cref="MaxProblems"/>.
/// </summary>
public static class NewcomerTableParser
{
    public const int MaxProblems = 100;

    // Below this, starting threads costs more than it saves.
    private const int ParallelThreshold = 4096;
    private const int ChunkSize = 2048;

    public static ParseResult Parse(RawTable table, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(table);
        var headerProblems = new List<ImportProblem>();
        var map = HeaderMap.Build(table.Headers, headerProblems);
        // With a column outside the whitelist, its values must not be processed at all; with a missing
        // or doubled column, every row would repeat the same complaint.
        if (headerProblems.Count > 0) return new ParseResult([], Cap(headerProblems));

        var validator = new RowValidator(map, today);
        var rows = table.Rows;
        var records = new NewcomerRecord?[rows.Count];
        var rowProblems = new List<ImportProblem>?[rows.Count];

        if (rows.Count < ParallelThreshold)
        {
            ValidateRange(validator, rows, records, rowProblems, 0, rows.Count);
        }
        else
        {
            Parallel.ForEach(Partitioner.Create(0, rows.Count, ChunkSize),
                range => ValidateRange(validator, rows, records, rowProblems, range.Item1, range.Item2));
        }

        return Merge(rows, records, rowProblems, map.IndexOf(NewcomerColumns.DossierNumber));
    }

    private static void ValidateRange(
        RowValidator validator, IReadOnlyList<RawRow> rows, NewcomerRecord?[] records,
        List<ImportProblem>?[] problems, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            List<ImportProblem>? rowProblems = null;
            records[i] = validator.Validate(rows[i], ref rowProblems);
            problems[i] = rowProblems;
        }
    }

    /// <summary>In row order, so the report is the same however the rows were scheduled.</summary>
    private static ParseResult Merge(
        IReadOnlyList<RawRow> rows, NewcomerRecord?[] records, List<ImportProblem>?[] rowProblems, int dossierIndex)
    {
        var valid = new List<NewcomerRecord>(rows.Count);
        var problems = new List<ImportProblem>();
        var firstRowByDossier = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);

        for (var i = 0; i < rows.Count; i++)
        {
            if (rowProblems[i] is { } found)
            {
                if (IsBlank(rows[i])) continue;
                problems.AddRange(found);
            }

            // Uniqueness is checked on every row whose dossier number is well-formed, even if another
            // column is wrong, so both problems surface in one round.
            var dossier = records[i]?.DossierNumber ?? WellFormedDossier(rows[i], dossierIndex);
            if (dossier is null) continue;
            if (!firstRowByDossier.TryAdd(dossier, rows[i].RowNumber))
            {
                problems.Add(new ImportProblem(rows[i].RowNumber, NewcomerColumns.DossierNumber, string.Create(
                    CultureInfo.InvariantCulture, $"is the same dossier number as row {firstRowByDossier[dossier]}")));
                continue;
            }
            if (records[i] is { } record) valid.Add(record);
        }
        return new ParseResult(valid, Cap(problems));
    }

    private static string? WellFormedDossier(RawRow row, int index)
    {
        var raw = index < row.Cells.Length ? row.Cells[index] ?? "" : "";
        return TextRules.Clean(raw, allowLineBreaks: false, out var value) is null
            && value.Length > 0 && CodeRules.Dossier(value) is null
                ? value
                : null;
    }

    // The reader drops empty rows; a row of only spaces is just as empty and is skipped, not refused.
    private static bool IsBlank(RawRow row)
    {
        foreach (var cell in row.Cells)
        {
            if (!string.IsNullOrWhiteSpace(cell)) return false;
        }
        return true;
    }

    private static List<ImportProblem> Cap(List<ImportProblem> problems)
    {
        if (problems.Count <= MaxProblems) return problems;
        var capped = problems.GetRange(0, MaxProblems);
        capped.Add(ImportProblem.File(string.Create(CultureInfo.InvariantCulture,
            $"... and {problems.Count - MaxProblems} more problems")));
        return capped;
    }
}
