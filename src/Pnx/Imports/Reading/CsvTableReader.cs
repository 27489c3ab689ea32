using System.Globalization;

namespace Pnx.Imports.Reading;

/// <summary>
/// An RFC 4180 reader that counts records, not lines: a quoted line break stays inside its cell, so row
/// numbers match what a spreadsheet shows. Written by hand because the problems must name the record where
/// an unclosed quote started and every ragged record, which a general CSV library does not report. Rows go
/// to a <see cref="RowSink"/> as they are read (<see cref="CsvRecordReader"/> holds one record at a time).
/// </summary>
internal static class CsvTableReader
{
    public static ReadResult Read(string text, ReaderLimits limits)
    {
        var table = new TableSink();
        return table.Result(Read(new StringReader(text), CsvDelimiter.Detect(text), limits, table));
    }

    /// <summary>Reads a text whose delimiter is detected from its first line.</summary>
    public static IReadOnlyList<ImportProblem> Read(TextReader text, ReaderLimits limits, RowSink sink)
    {
        var start = new char[64 * 1024];
        var length = text.ReadBlock(start, 0, start.Length);
        var head = start.AsSpan(0, length);
        return Read(text, CsvDelimiter.Detect(head), limits, sink, head);
    }

    /// <returns>The problems that keep the file from being read; none when every row went to the sink.</returns>
    public static IReadOnlyList<ImportProblem> Read(TextReader text, char delimiter, ReaderLimits limits, RowSink sink, ReadOnlySpan<char> start = default)
    {
        var records = new CsvRecordReader(text, delimiter, limits.MaxColumns, start);
        var problems = new ProblemCollector(limits.MaxProblems);
        var fields = new List<string>();
        string[]? headers = null;
        var accepting = false;
        var headerRefused = false;

        for (var rowNumber = 1; !problems.IsFull; rowNumber++)
        {
            var outcome = records.Read(fields);
            if (outcome == CsvRecordReader.Outcome.EndOfText)
                break;
            if (rowNumber - 1 > limits.MaxDataRows)
                return [ImportProblem.File(string.Create(CultureInfo.InvariantCulture, $"the file has more than {limits.MaxDataRows:N0} data rows"))];

            if (outcome == CsvRecordReader.Outcome.UnclosedQuote)
            {
                problems.Add(new ImportProblem(rowNumber, null, "a quoted cell that starts in this row is never closed (a missing \")"));
                break;
            }

            if (outcome == CsvRecordReader.Outcome.TooManyFields)
                return [new ImportProblem(rowNumber, null, string.Create(CultureInfo.InvariantCulture, $"has more than {limits.MaxColumns} columns"))];

            if (headers is null)
            {
                if (RowCells.AreEmpty(fields))
                {
                    // A file of nothing but white space is empty, not headerless.
                    return records.RestIsWhiteSpace()
                        ? [ImportProblem.File("the file is empty")]
                        : [new ImportProblem(1, null, "the header row is empty")];
                }

                headers = [.. fields];
                ReportLongCells(rowNumber, headers, [], limits, problems);
                // A refused header stops the rows from being passed on, but the file is still read to the end:
                // a problem of reading outranks one of the header.
                accepting = !problems.Any && sink.Start(headers);
                headerRefused = !problems.Any && !accepting;
                continue;
            }

            if (RowCells.AreEmpty(fields))
                continue;
            if (fields.Count != headers.Length)
            {
                problems.Add(new ImportProblem(rowNumber, null, string.Create(CultureInfo.InvariantCulture, $"has {fields.Count} cells where the header has {headers.Length}")));
                continue;
            }

            if (ReportLongCells(rowNumber, fields, headers, limits, problems) && accepting && !problems.Any)
                sink.Add(new RawRow(rowNumber, [.. fields]));
        }

        if (problems.Any)
            return problems.Problems;
        if (headers is null)
            return [ImportProblem.File("the file is empty")];
        if (sink.Rows == 0 && limits.RequireDataRows && !headerRefused)
            return [ImportProblem.File("the file has a header but no data rows")];
        return [];
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
