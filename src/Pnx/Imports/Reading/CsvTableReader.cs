using System.Buffers;
using System.Globalization;

namespace Pnx.Imports.Reading;

/// <summary>
/// An RFC 4180 reader that counts records, not lines: a quoted line break stays inside its cell, so row
/// numbers match what a spreadsheet shows. Written by hand because the problems must name the record where
/// an unclosed quote started and every ragged record, which a general CSV library does not report.
/// </summary>
internal static class CsvTableReader
{
    private static readonly SearchValues<char> SemicolonStops = SearchValues.Create(";\r\n");
    private static readonly SearchValues<char> CommaStops = SearchValues.Create(",\r\n");
    private static readonly SearchValues<char> TabStops = SearchValues.Create("\t\r\n");

    public static ReadResult Read(string text, ReaderLimits limits)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ReadResult.Fail(ImportProblem.File("the file is empty"));

        var delimiter = CsvDelimiter.Detect(text);
        var stops = delimiter switch { ';' => SemicolonStops, ',' => CommaStops, _ => TabStops };
        var problems = new ProblemCollector(limits.MaxProblems);
        var fields = new List<string>();
        var rows = new List<RawRow>();
        string[]? headers = null;
        var position = 0;

        for (var rowNumber = 1; position < text.Length && !problems.IsFull; rowNumber++)
        {
            if (rowNumber - 1 > limits.MaxDataRows)
                return ReadResult.Fail(ImportProblem.File(string.Create(CultureInfo.InvariantCulture, $"the file has more than {limits.MaxDataRows:N0} data rows")));

            fields.Clear();
            var outcome = ReadRecord(text, ref position, delimiter, stops, fields, limits);
            if (outcome == RecordOutcome.UnclosedQuote)
            {
                problems.Add(new ImportProblem(rowNumber, null, "a quoted cell that starts in this row is never closed (a missing \")"));
                break;
            }

            if (outcome == RecordOutcome.TooManyFields)
                return ReadResult.Fail(new ImportProblem(rowNumber, null, string.Create(CultureInfo.InvariantCulture, $"has more than {limits.MaxColumns} columns")));

            if (headers is null)
            {
                headers = [.. fields];
                if (RowCells.AreEmpty(headers))
                    return ReadResult.Fail(new ImportProblem(1, null, "the header row is empty"));
                ReportLongCells(rowNumber, headers, [], limits, problems);
                continue;
            }

            if (RowCells.AreEmpty(fields))
                continue;
            if (fields.Count != headers.Length)
            {
                problems.Add(new ImportProblem(rowNumber, null, string.Create(CultureInfo.InvariantCulture, $"has {fields.Count} cells where the header has {headers.Length}")));
                continue;
            }

            if (ReportLongCells(rowNumber, fields, headers, limits, problems))
                rows.Add(new RawRow(rowNumber, [.. fields]));
        }

        if (problems.Any)
            return new ReadResult(null, problems.Problems);
        if (headers is null)
            return ReadResult.Fail(ImportProblem.File("the file is empty"));
        if (rows.Count == 0 && limits.RequireDataRows)
            return ReadResult.Fail(ImportProblem.File("the file has a header but no data rows"));
        return ReadResult.Ok(new RawTable(headers, rows));
    }

    private enum RecordOutcome { Complete, UnclosedQuote, TooManyFields }

    private static RecordOutcome ReadRecord(string text, ref int position, char delimiter, SearchValues<char> stops, List<string> fields, ReaderLimits limits)
    {
        while (true)
        {
            if (fields.Count >= limits.MaxColumns)
                return RecordOutcome.TooManyFields;

            string value;
            if (position < text.Length && text[position] == '"')
            {
                if (!TryReadQuoted(text, ref position, out value))
                    return RecordOutcome.UnclosedQuote;

                // Lenient like Excel: characters between a closing quote and the next delimiter are kept.
                var rest = text.AsSpan(position).IndexOfAny(stops);
                var restEnd = rest < 0 ? text.Length : position + rest;
                if (restEnd > position)
                    value += text[position..restEnd];
                position = restEnd;
            }
            else
            {
                var stop = text.AsSpan(position).IndexOfAny(stops);
                var end = stop < 0 ? text.Length : position + stop;
                value = text[position..end];
                position = end;
            }

            fields.Add(value);
            if (position >= text.Length)
                return RecordOutcome.Complete;

            var c = text[position++];
            if (c == delimiter)
                continue;
            if (c == '\r' && position < text.Length && text[position] == '\n')
                position++;
            return RecordOutcome.Complete;
        }
    }

    private static bool TryReadQuoted(string text, ref int position, out string value)
    {
        var start = position + 1;
        var scan = start;
        var hasDoubledQuotes = false;
        while (true)
        {
            var quote = text.AsSpan(scan).IndexOf('"');
            if (quote < 0)
            {
                value = "";
                return false;
            }

            quote += scan;
            if (quote + 1 < text.Length && text[quote + 1] == '"')
            {
                hasDoubledQuotes = true;
                scan = quote + 2;
                continue;
            }

            value = text[start..quote];
            if (hasDoubledQuotes)
                value = value.Replace("\"\"", "\"", StringComparison.Ordinal);
            position = quote + 1;
            return true;
        }
    }

    /// <returns>true when every cell is within the cap.</returns>
    private static bool ReportLongCells(int rowNumber, IReadOnlyList<string> cells, IReadOnlyList<string> headers, ReaderLimits limits, ProblemCollector problems)
    {
        var ok = true;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Length <= limits.MaxCellLength)
                continue;
            ok = false;
            problems.Add(new ImportProblem(rowNumber, RowCells.HeaderAt(headers, i), string.Create(CultureInfo.InvariantCulture, $"the cell is longer than {limits.MaxCellLength:N0} characters")));
        }

        return ok;
    }
}
