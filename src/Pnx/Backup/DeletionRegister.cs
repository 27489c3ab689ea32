using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Pnx.Hosting;
using Pnx.Imports;
using Pnx.Imports.Reading;
using Pnx.Imports.Validation;

using Pnx.Retention;

namespace Pnx.Backup;

/// <summary>One person the register says was removed: who, in which municipality, on which day, by which rule.</summary>
public sealed record Deletion(int Row, string DossierNumber, string NisCode, DateOnly DeletedOn, RetentionRule Rule);

/// <summary>
/// Reads the deletion register of contract §9 (`Dossiernummer;NIS-code gemeente;Verwijderd op;Regel`, UTF-8 with
/// or without BOM) and checks every row before anything is restored: one bad row refuses the whole file, so a
/// restore never removes half of the people it should.
/// </summary>
public static class DeletionRegister
{
    /// <summary>The columns as `pnx retention register` writes them.</summary>
    private static IReadOnlyList<string> Columns => Retention.DeletionRegister.Columns;

    private static readonly string KnownRules =
        string.Join(", ", Enum.GetValues<RetentionRule>().Select(rule => "'" + rule.Word() + "'"));

    private static readonly ReaderLimits Limits = ReaderLimits.Default with { RequireDataRows = false, MaxColumns = 10 };

    public sealed record Result(IReadOnlyList<Deletion> Deletions, IReadOnlyList<ImportProblem> Problems);

    public static Result Read(string path, DateOnly today)
    {
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > Limits.MaxFileBytes)
                return Fail(ImportProblem.File(string.Create(CultureInfo.InvariantCulture, $"the file is larger than {Limits.MaxFileBytes / (1024 * 1024):N0} MB")));
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Fail(ImportProblem.File("the file does not exist"));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return Fail(ImportProblem.File("the file cannot be opened for reading"));
        }

        ReadOnlySpan<byte> content = bytes;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) content = content[3..];
        if (!Utf8.IsValid(content) || content.Contains((byte)0)) return Fail(ImportProblem.File("the file is not UTF-8 text"));
        var read = CsvTableReader.Read(Encoding.UTF8.GetString(content), Limits);
        if (read.Table is not { } table) return new Result([], read.Problems);
        return Check(table, today);
    }

    private static Result Check(RawTable table, DateOnly today)
    {
        var headers = table.Headers.Select(h => h.Trim()).ToList();
        if (!headers.SequenceEqual(Columns, StringComparer.Ordinal))
        {
            return Fail(new ImportProblem(1, null,
                "the header is not exactly " + string.Join(';', Columns) + " (a deletion register as `pnx retention register` writes it)"));
        }

        var deletions = new List<Deletion>();
        var problems = new List<ImportProblem>();
        foreach (var row in table.Rows)
        {
            string? Cell(int column, Func<string, string?> rule)
            {
                var message = TextRules.Clean(row.Cells[column], allowLineBreaks: false, out var value)
                    ?? (value.Length == 0 ? TextRules.Required : rule(value));
                if (message is null) return value;
                problems.Add(new ImportProblem(row.RowNumber, Columns[column], message));
                return null;
            }

            var deletedOn = default(DateOnly);
            var dossier = Cell(0, CodeRules.Dossier);
            var nis = Cell(1, CodeRules.Nis);
            var date = Cell(2, value => DeletionDate(value, today, out deletedOn));
            RetentionRule? rule = null;
            Cell(3, value => (rule = RetentionRuleWords.FromWord(value)) is null ? TextRules.Quote(value) + " is not one of the rules " + KnownRules : null);
            if (dossier is not null && nis is not null && date is not null && rule is { } known)
                deletions.Add(new Deletion(row.RowNumber, dossier, nis, deletedOn, known));
            if (problems.Count >= Limits.MaxProblems) break;
        }

        return problems.Count > 0 ? Fail([.. problems]) : new Result(deletions, []);
    }

    /// <summary>A day (dd/mm/yyyy or yyyy-mm-dd) or an ISO 8601 moment, taken as its Belgian day; never in the future.</summary>
    private static string? DeletionDate(string value, DateOnly today, out DateOnly date)
    {
        date = default;
        if (value.Contains('T', StringComparison.Ordinal))
        {
            if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
                return TextRules.Quote(value) + " is not a date (dd/mm/yyyy or yyyy-mm-dd) or an ISO 8601 moment";
            date = DateOnly.FromDateTime(BelgianTime.ToLocal(moment.UtcDateTime));
        }
        else if (DateRule.Parse(value, out date) != DateProblem.None)
        {
            return TextRules.Quote(value) + " is not an existing date in the form dd/mm/yyyy or yyyy-mm-dd";
        }

        return date > today ? TextRules.Quote(value) + " lies in the future" : null;
    }

    private static Result Fail(params ImportProblem[] problems) => new([], problems);
}
