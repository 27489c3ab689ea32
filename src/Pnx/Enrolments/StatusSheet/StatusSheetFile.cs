using System.Globalization;
using Pnx.Imports;
using Pnx.Imports.Reading;

namespace Pnx.Enrolments.StatusSheet;

/// <summary>The two sheets of an uploaded export: Activiteiten (the statuses) and, when present, Inburgeraars (to prove it unchanged).</summary>
internal sealed record StatusWorkbook(RawTable Activities, RawTable? Newcomers);

/// <summary>
/// Reads the status sheet from the .xlsx export with the import's readers and guards (size, zip bombs, formulas
/// refused naming the cell). Problems name the sheet, since one file holds two.
/// </summary>
internal static class StatusSheetFile
{
    public const string NewcomerSheet = "Inburgeraars";

    private static readonly ReaderLimits Limits = ReaderLimits.Default with { RequireDataRows = false };

    public static (StatusWorkbook? Workbook, IReadOnlyList<ImportProblem> Problems) Read(string path)
    {
        byte[] content;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return Fail("the file does not exist or cannot be read");
            if (info.Length > Limits.MaxFileBytes)
                return Fail(string.Create(CultureInfo.InvariantCulture, $"the file is larger than {Limits.MaxFileBytes / (1024 * 1024):N0} MB"));
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return Fail("the file cannot be opened for reading");
        }

        return Read(content);
    }

    public static (StatusWorkbook? Workbook, IReadOnlyList<ImportProblem> Problems) Read(byte[] content)
    {
        if (content.LongLength > Limits.MaxFileBytes)
            return Fail(string.Create(CultureInfo.InvariantCulture, $"the file is larger than {Limits.MaxFileBytes / (1024 * 1024):N0} MB"));

        if (FileKindDetector.Detect(content) != FileKind.Zip)
        {
            return Fail($"the status sheet is read from the .xlsx export (sheet {StatusSheetColumns.Sheet}); upload the .xlsx file");
        }

        if (XlsxTableReader.ReadSheet(content, Limits, StatusSheetColumns.Sheet) is not { } activities)
        {
            return Fail($"the workbook has no sheet {StatusSheetColumns.Sheet}; upload the .xlsx export with its status sheet");
        }

        var problems = InSheet(StatusSheetColumns.Sheet, activities.Problems).ToList();
        var newcomers = XlsxTableReader.ReadSheet(content, Limits, NewcomerSheet);
        if (newcomers is not null) problems.AddRange(InSheet(NewcomerSheet, newcomers.Problems));
        if (problems.Count > 0 || activities.Table is null) return (null, problems);
        return (new StatusWorkbook(activities.Table, newcomers?.Table), []);
    }

    private static (StatusWorkbook?, IReadOnlyList<ImportProblem>) Fail(string message) => (null, [ImportProblem.File(message)]);

    private static IEnumerable<ImportProblem> InSheet(string sheet, IEnumerable<ImportProblem> problems) =>
        problems.Select(p => p with { Message = $"sheet {sheet}: {p.Message}" });
}
