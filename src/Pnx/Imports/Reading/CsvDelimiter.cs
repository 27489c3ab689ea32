namespace Pnx.Imports.Reading;

internal static class CsvDelimiter
{
    /// <summary>
    /// Picks <c>;</c>, <c>,</c> or tab by counting them in the header line outside quotes. Ties go to <c>;</c>
    /// (Belgian Excel's choice), then tab, then comma; a single-column header also gets <c>;</c>.
    /// </summary>
    public static char Detect(ReadOnlySpan<char> text)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"')
                inQuotes = !inQuotes;
            else if (inQuotes)
                continue;
            else if (c is '\r' or '\n')
                break;
            else if (c == ';')
                semicolons++;
            else if (c == ',')
                commas++;
            else if (c == '\t')
                tabs++;
        }

        if (semicolons >= commas && semicolons >= tabs)
            return ';';
        return tabs >= commas ? '\t' : ',';
    }
}
