using Pnx.Newcomers;

namespace Pnx.Imports.Validation;

/// <summary>
/// Applies every column rule of <see cref="NewcomerFields"/> to one row. All problems of the row are
/// collected, not only the first; a record comes out only when there are none. Stateless apart from the
/// column map, so rows can be validated in parallel.
/// </summary>
internal sealed class RowValidator(HeaderMap map, DateOnly today)
{
    private readonly int[] _fileIndexByField = [.. NewcomerFields.Imported.Select(f => map.IndexOf(f.Column!))];
    private readonly int _nis = map.IndexOf(NewcomerColumns.MunicipalityNis);

    /// <summary>Returns the record, or null with the row's problems in <paramref name="problems"/>.</summary>
    public NewcomerRecord? Validate(RawRow row, ref List<ImportProblem>? problems)
    {
        var context = new Context(row, problems);
        var values = new Newcomer { DossierNumber = "" };
        var fields = NewcomerFields.Imported;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (context.Text(_fileIndexByField[i], field.Column!, field.Required, field.AllowsLineBreaks) is { } text)
                context.Check(field.Column!, field.Read(text, today, values));
        }

        var nis = context.Text(_nis, NewcomerColumns.MunicipalityNis, required: false, allowLineBreaks: false);
        if (nis is not null && context.Check(NewcomerColumns.MunicipalityNis, CodeRules.Nis(nis))) nis = null;

        problems = context.Problems;
        return context.Failed ? null : new NewcomerRecord(row.RowNumber, values, nis);
    }

    private struct Context(RawRow row, List<ImportProblem>? problems)
    {
        public List<ImportProblem>? Problems = problems;
        public bool Failed;

        /// <summary>The cleaned cell, or null when empty or unusable (then a problem is recorded).</summary>
        public string? Text(int index, string column, bool required, bool allowLineBreaks)
        {
            var raw = index >= 0 && index < row.Cells.Length ? row.Cells[index] : "";
            var error = TextRules.Clean(raw ?? "", allowLineBreaks, out var value);
            if (error is null && value.Length == 0)
            {
                if (!required) return null;
                error = TextRules.Required;
            }

            return Check(column, error) ? null : value;
        }

        /// <summary>Records the problem, if any; true when there was one.</summary>
        public bool Check(string column, string? error)
        {
            if (error is null) return false;
            Failed = true;
            (Problems ??= []).Add(new ImportProblem(row.RowNumber, column, error));
            return true;
        }
    }
}
