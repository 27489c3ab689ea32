using System.Collections.Concurrent;
using System.Globalization;
using Pnx.Imports.Reading;

namespace Pnx.Imports.Validation;

/// <summary>
/// Validates the reader's rows by the rules of contract §4 and the protocol's whitelist (article 3) as they
/// arrive, a batch at a time, so memory holds a batch and the set of dossier numbers seen, never the file.
/// Each batch's valid records go to <paramref name="accepted"/> while no problem has been found; after the
/// first problem the rows are still checked, to report every problem (in row order, capped at
/// <see cref="NewcomerTableParser.MaxProblems"/>), but nothing more is passed on.
/// </summary>
internal sealed class NewcomerRowSink(DateOnly today, int batchSize, Action<IReadOnlyList<NewcomerRecord>> accepted) : RowSink
{
    // Below this, starting threads costs more than it saves.
    private const int ParallelThreshold = 4096;
    private const int ChunkSize = 2048;

    private readonly List<RawRow> _pending = new(batchSize);
    private readonly List<ImportProblem> _problems = [];
    private readonly Dictionary<string, int> _firstRowByDossier = new(StringComparer.Ordinal);
    private RowValidator? _validator;
    private int _dossierIndex = -1;
    private int _problemCount;

    /// <summary>Whether valid rows are passed on after a problem too (a whole table parsed at once).</summary>
    public bool PassOnAfterProblems { get; init; }

    /// <summary>Set when the header is refused: then no row is looked at.</summary>
    public IReadOnlyList<ImportProblem>? HeaderProblems { get; private set; }

    /// <summary>The problems found so far, capped, with a closing "... and N more problems" line when there were more.</summary>
    public IReadOnlyList<ImportProblem> Problems => HeaderProblems ?? Capped();

    public override bool Start(string[] headers)
    {
        var problems = new List<ImportProblem>();
        var map = HeaderMap.Build(headers, problems);
        // With a column outside the whitelist, its values must not be processed at all; with a missing
        // or doubled column, every row would repeat the same complaint.
        if (problems.Count > 0)
        {
            HeaderProblems = Cap(problems, problems.Count);
            return false;
        }

        _validator = new RowValidator(map, today);
        _dossierIndex = map.IndexOf(NewcomerColumns.DossierNumber);
        return true;
    }

    protected override void Accept(RawRow row)
    {
        _pending.Add(row);
        if (_pending.Count >= batchSize) Flush();
    }

    /// <summary>Validates the rows still pending; call once the reader is done.</summary>
    public void Flush()
    {
        if (_pending.Count == 0 || _validator is null) return;
        var rows = _pending;
        var records = new NewcomerRecord?[rows.Count];
        var rowProblems = new List<ImportProblem>?[rows.Count];
        if (rows.Count < ParallelThreshold)
        {
            ValidateRange(_validator, rows, records, rowProblems, 0, rows.Count);
        }
        else
        {
            var validator = _validator;
            Parallel.ForEach(Partitioner.Create(0, rows.Count, ChunkSize),
                range => ValidateRange(validator, rows, records, rowProblems, range.Item1, range.Item2));
        }

        var valid = Merge(rows, records, rowProblems);
        _pending.Clear();
        if ((_problemCount == 0 || PassOnAfterProblems) && valid.Count > 0) accepted(valid);
    }

    private static void ValidateRange(
        RowValidator validator, List<RawRow> rows, NewcomerRecord?[] records, List<ImportProblem>?[] problems, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            List<ImportProblem>? rowProblems = null;
            records[i] = validator.Validate(rows[i], ref rowProblems);
            problems[i] = rowProblems;
        }
    }

    /// <summary>In row order, so the report is the same however the rows were scheduled.</summary>
    private List<NewcomerRecord> Merge(List<RawRow> rows, NewcomerRecord?[] records, List<ImportProblem>?[] rowProblems)
    {
        var valid = new List<NewcomerRecord>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rowProblems[i] is { } found)
            {
                if (IsBlank(rows[i])) continue;
                Add(found);
            }

            // Uniqueness is checked on every row whose dossier number is well-formed, even if another
            // column is wrong, so both problems surface in one round.
            var dossier = records[i]?.DossierNumber ?? WellFormedDossier(rows[i], _dossierIndex);
            if (dossier is null) continue;
            if (!_firstRowByDossier.TryAdd(dossier, rows[i].RowNumber))
            {
                Add([new ImportProblem(rows[i].RowNumber, NewcomerColumns.DossierNumber, string.Create(
                    CultureInfo.InvariantCulture, $"is the same dossier number as row {_firstRowByDossier[dossier]}"))]);
                continue;
            }

            if (records[i] is { } record) valid.Add(record);
        }

        return valid;
    }

    private void Add(List<ImportProblem> problems)
    {
        _problemCount += problems.Count;
        foreach (var problem in problems)
        {
            if (_problems.Count > NewcomerTableParser.MaxProblems) break;
            _problems.Add(problem);
        }
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

    private List<ImportProblem> Capped() => Cap(_problems, _problemCount);

    private static List<ImportProblem> Cap(List<ImportProblem> problems, int total)
    {
        if (total <= NewcomerTableParser.MaxProblems) return problems;
        var capped = problems.GetRange(0, NewcomerTableParser.MaxProblems);
        capped.Add(ImportProblem.File(string.Create(CultureInfo.InvariantCulture,
            $"... and {total - NewcomerTableParser.MaxProblems} more problems")));
        return capped;
    }
}
