using System.Globalization;
using Pnx.Retention;

namespace Pnx.Imports;

/// <summary>
/// Sorts the validated rows by the municipality they are for (their own NIS code, else --municipality) as
/// they arrive, keeping only their keys, and collects the rows whose municipality is missing or contradicts
/// --municipality. Rows whose retention ended are kept as keys, not staged: they are never stored.
/// </summary>
internal sealed class ImportGroups(string? defaultNis, DateOnly today)
{
    private const int MaxProblems = 100;

    private readonly List<ImportProblem> _problems = [];
    private int _problemCount;
    private bool _anyRowNis;

    /// <summary>The file's rows by NIS code, in file order.</summary>
    public Dictionary<string, List<ImportRow>> Rows { get; } = new(StringComparer.Ordinal);

    /// <summary>Sorts a batch; returns its rows to stage, by NIS code (none once a row was refused).</summary>
    public Dictionary<string, List<NewcomerRecord>> Add(IReadOnlyList<NewcomerRecord> batch)
    {
        var toStage = new Dictionary<string, List<NewcomerRecord>>(StringComparer.Ordinal);
        foreach (var record in batch)
        {
            _anyRowNis |= record.MunicipalityNis is not null;
            var nis = record.MunicipalityNis ?? defaultNis;
            if (nis is null)
            {
                Problem(new ImportProblem(record.RowNumber, NewcomerColumns.MunicipalityNis, "no municipality: fill the column or give --municipality"));
                continue;
            }

            if (defaultNis is not null && record.MunicipalityNis is not null && record.MunicipalityNis != defaultNis)
            {
                Problem(new ImportProblem(record.RowNumber, NewcomerColumns.MunicipalityNis, $"\"{record.MunicipalityNis}\" differs from --municipality {defaultNis}"));
                continue;
            }

            var ended = RetentionRules.HasEnded(record.CertificateDate, today);
            if (!Rows.TryGetValue(nis, out var rows)) Rows[nis] = rows = [];
            rows.Add(new ImportRow(record.RowNumber, record.DossierNumber, ended));
            if (ended || _problemCount > 0) continue;
            if (!toStage.TryGetValue(nis, out var stage)) toStage[nis] = stage = [];
            stage.Add(record);
        }

        return _problemCount > 0 ? [] : toStage;
    }

    /// <summary>The refusals of rows for no or another municipality, once every row was sorted.</summary>
    public List<string> Problems(string fileName)
    {
        if (defaultNis is null && !_anyRowNis)
            return [ImportProblem.File($"no municipality: the file has no \"{NewcomerColumns.MunicipalityNis}\" values; give --municipality").Format(fileName)];
        var lines = _problems.Select(p => p.Format(fileName)).ToList();
        if (_problemCount > MaxProblems)
            lines.Add(ImportProblem.File(string.Create(CultureInfo.InvariantCulture, $"... and {_problemCount - MaxProblems} more problems")).Format(fileName));
        return lines;
    }

    private void Problem(ImportProblem problem)
    {
        if (_problemCount++ < MaxProblems) _problems.Add(problem);
    }
}
