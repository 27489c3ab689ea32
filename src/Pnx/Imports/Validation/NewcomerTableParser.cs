namespace Pnx.Imports.Validation;

/// <summary>
/// Turns a whole <see cref="RawTable"/> into validated, normalised <see cref="NewcomerRecord"/>s by the rules
/// of contract §4 and the protocol's whitelist (article 3): <see cref="NewcomerRowSink"/> on one batch. Reports
/// every problem, in row order, capped at <see cref="MaxProblems"/>. Files are validated while they are read.
/// </summary>
public static class NewcomerTableParser
{
    public const int MaxProblems = 100;

    public static ParseResult Parse(RawTable table, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(table);
        var records = new List<NewcomerRecord>(table.Rows.Count);
        var sink = new NewcomerRowSink(today, Math.Max(1, table.Rows.Count), records.AddRange) { PassOnAfterProblems = true };
        if (sink.Start([.. table.Headers]))
        {
            foreach (var row in table.Rows) sink.Add(row);
            sink.Flush();
        }

        return new ParseResult(sink.HeaderProblems is null ? records : [], sink.Problems);
    }
}
