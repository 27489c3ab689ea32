using System.Globalization;
using Pnx.Imports;
using Pnx.Imports.Validation;
using Pnx.Trajectories;

namespace Pnx.Enrolments.StatusSheet;

/// <summary>One row of sheet Activiteiten as typed: an existing enrolment (with its id) or a new proposal (without).</summary>
internal sealed record StatusSheetEntry(
    int Row, string DossierNumber, long? EnrolmentId, int ActivityId, EnrolmentStatus? Status, StopReason? Reason, double? Hours);

/// <summary>
/// The format of sheet Activiteiten: its columns (unknown ones refused by name, as in §4) and each cell's type.
/// Whether a change is allowed is not decided here but by <see cref="EnrolmentRules"/>, through <see cref="Enrolling"/>.
/// </summary>
internal static class StatusSheetParser
{
    public static (List<StatusSheetEntry> Entries, List<ImportProblem> Problems) Parse(RawTable table)
    {
        var problems = new List<ImportProblem>();
        var index = Columns(table.Headers, problems);
        var entries = new List<StatusSheetEntry>();
        if (problems.Count > 0) return (entries, problems);

        var seen = new Dictionary<long, int>();
        foreach (var raw in table.Rows)
        {
            var before = problems.Count;
            string Cell(string column)
            {
                var i = index.GetValueOrDefault(column, -1);
                if (i < 0) return "";
                if (TextRules.Clean(raw.Cells[i], allowLineBreaks: false, out var value) is { } problem)
                {
                    problems.Add(new ImportProblem(raw.RowNumber, column, problem));
                    return "";
                }

                return value;
            }

            var dossier = Cell(StatusSheetColumns.DossierNumber);
            if (dossier.Length == 0) problems.Add(new ImportProblem(raw.RowNumber, StatusSheetColumns.DossierNumber, TextRules.Required));
            else if (dossier.Length > 32) problems.Add(new ImportProblem(raw.RowNumber, StatusSheetColumns.DossierNumber, "is longer than 32 characters"));

            long? enrolmentId = null;
            var enrolmentText = Cell(StatusSheetColumns.EnrolmentId);
            if (enrolmentText.Length > 0)
            {
                if (long.TryParse(enrolmentText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
                {
                    enrolmentId = id;
                    if (seen.TryGetValue(id, out var first))
                        problems.Add(new ImportProblem(raw.RowNumber, StatusSheetColumns.EnrolmentId, string.Create(CultureInfo.InvariantCulture, $"enrolment {id} appears more than once (rows {first} and {raw.RowNumber})")));
                    else
                        seen[id] = raw.RowNumber;
                }
                else
                {
                    problems.Add(new ImportProblem(raw.RowNumber, StatusSheetColumns.EnrolmentId, $"{TextRules.Quote(enrolmentText)} is not an enrolment id (a whole number as exported); leave it empty to propose a new activity"));
                }
            }

            var activityText = Cell(StatusSheetColumns.ActivityId);
            var activityId = 0;
            if (activityText.Length == 0) problems.Add(new ImportProblem(raw.RowNumber, StatusSheetColumns.ActivityId, TextRules.Required));
            else if (!int.TryParse(activityText, NumberStyles.None, CultureInfo.InvariantCulture, out activityId) || activityId <= 0)
                problems.Add(new ImportProblem(raw.RowNumber, StatusSheetColumns.ActivityId, $"{TextRules.Quote(activityText)} is not an activity id (a whole number as in the catalogue export)"));

            EnrolmentStatus? status = null;
            var statusText = Cell(StatusSheetColumns.Status);
            if (statusText.Length == 0)
            {
                if (enrolmentId is not null) problems.Add(new ImportProblem(raw.RowNumber, StatusSheetColumns.Status, TextRules.Required));
            }
            else if (EnrolmentWords.TryParseStatus(statusText, out var parsedStatus))
            {
                status = parsedStatus;
            }
            else
            {
                problems.Add(new ImportProblem(raw.RowNumber, StatusSheetColumns.Status, $"{TextRules.Quote(statusText)} is not one of {EnrolmentWords.StatusList}"));
            }

            StopReason? reason = null;
            var reasonText = Cell(StatusSheetColumns.Reason);
            if (reasonText.Length > 0)
            {
                if (EnrolmentWords.TryParseReason(reasonText, out var parsedReason)) reason = parsedReason;
                else problems.Add(new ImportProblem(raw.RowNumber, StatusSheetColumns.Reason, $"{TextRules.Quote(reasonText)} is not one of {EnrolmentWords.ReasonList}"));
            }

            double? hours = null;
            var hoursText = Cell(StatusSheetColumns.Hours);
            if (hoursText.Length > 0)
            {
                if (FormValues.TryHours(hoursText, out var parsedHours)) hours = parsedHours;
                else problems.Add(new ImportProblem(raw.RowNumber, StatusSheetColumns.Hours, $"{TextRules.Quote(hoursText)} is not a number of hours (for example 2,5)"));
            }

            if (problems.Count == before) entries.Add(new StatusSheetEntry(raw.RowNumber, dossier, enrolmentId, activityId, status, reason, hours));
        }

        return (entries, problems);
    }

    /// <summary>Column name → index in the file; unknown, unnamed, repeated or missing required columns are problems.</summary>
    private static Dictionary<string, int> Columns(IReadOnlyList<string> headers, List<ImportProblem> problems)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var written = headers[i].Replace('\u00A0', ' ').Trim().Trim('\uFEFF').Trim();
            if (written.Length == 0)
            {
                problems.Add(new ImportProblem(1, null, string.Create(CultureInfo.InvariantCulture, $"column {i + 1} has no header")));
                continue;
            }

            var column = StatusSheetColumns.All.FirstOrDefault(c => string.Equals(c, written, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                problems.Add(new ImportProblem(1, TextRules.Quote(written).Trim('"'), "is not a column of the status sheet; its columns are " + string.Join(", ", StatusSheetColumns.All)));
            }
            else if (!index.TryAdd(column, i))
            {
                problems.Add(new ImportProblem(1, column, "appears more than once"));
            }
        }

        foreach (var required in StatusSheetColumns.Required.Where(r => !index.ContainsKey(r)))
        {
            problems.Add(new ImportProblem(null, required, "is a required column but the sheet does not have it"));
        }

        return index;
    }
}
