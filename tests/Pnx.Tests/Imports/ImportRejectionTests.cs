using System.Text;
using Pnx.Cli;
using Pnx.Tests.Imports.Reading;

namespace Pnx.Tests.Imports;

/// <summary>Every bad input is refused with exit 3, a message naming where, and nothing changed (contract §3, §4).</summary>
public sealed class ImportRejectionTests
{
    public static TheoryData<string, string, string> BadCsv => new()
    {
        { "unknown column", ImportWorkspace.Header + ";Rijksregisternummer\r\nD-1;Peeters;An;;;;;;;;;;;;;85073003328\r\n", "column \"Rijksregisternummer\"" },
        { "missing required column", "Dossiernummer;Naam\r\nD-1;Peeters\r\n", "Voornaam" },
        { "level outside the list", ImportWorkspace.Header + "\r\n" + ImportWorkspace.Row(1, "B3") + "\r\n", "row 2, column \"Niveau Nederlands\": \"B3\" is not one of A1, A2, B1, B2, C1, C2, geen" },
        { "MO status outside the list", ImportWorkspace.Header + "\r\n" + ImportWorkspace.Row(1).Replace("lopend", "bezig", StringComparison.Ordinal) + "\r\n", "row 2, column \"Status MO\"" },
        { "interest outside the list", ImportWorkspace.Header + "\r\n" + ImportWorkspace.Row(1).Replace("buddy|", "dansen|", StringComparison.Ordinal) + "\r\n", "row 2, column \"Interesses en noden\"" },
        { "geen with another interest", ImportWorkspace.Header + "\r\n" + ImportWorkspace.Row(1).Replace("buddy|", "geen|", StringComparison.Ordinal) + "\r\n", "row 2, column \"Interesses en noden\"" },
        { "duplicate dossier", ImportWorkspace.Header + "\r\n" + ImportWorkspace.Row(1) + "\r\n" + ImportWorkspace.Row(1) + "\r\n", "row 3, column \"Dossiernummer\"" },
        { "bad e-mail", ImportWorkspace.Header + "\r\n" + ImportWorkspace.Row(1).Replace("an1@example.be", "an1@@example", StringComparison.Ordinal) + "\r\n", "row 2, column \"E-mail\"" },
        { "bad postcode", ImportWorkspace.Header + "\r\n" + ImportWorkspace.Row(1).Replace(";1500;", ";0999;", StringComparison.Ordinal) + "\r\n", "row 2, column \"Postcode\"" },
        { "impossible date", ImportWorkspace.Header + "\r\n" + ImportWorkspace.Row(1) + "31/02/2026\r\n", "row 2, column \"Datum inburgeringsattest\"" },
        { "future certificate date", ImportWorkspace.Header + "\r\n" + ImportWorkspace.Row(1) + "01/01/2027\r\n", "row 2, column \"Datum inburgeringsattest\"" },
        { "over-long name", ImportWorkspace.Header + "\r\n" + ImportWorkspace.Row(1).Replace("Peeters", new string('x', 101), StringComparison.Ordinal) + "\r\n", "row 2, column \"Naam\"" },
        { "control character", ImportWorkspace.Header + "\r\n" + ImportWorkspace.Row(1).Replace("Peeters", "Pee\u0007ters", StringComparison.Ordinal) + "\r\n", "row 2, column \"Naam\"" },
        { "bidi override", ImportWorkspace.Header + "\r\n" + ImportWorkspace.Row(1).Replace("Peeters", "Pee\u202Eters", StringComparison.Ordinal) + "\r\n", "row 2, column \"Naam\"" },
        { "ragged row", ImportWorkspace.Header + "\r\n" + ImportWorkspace.Row(1) + ";extra\r\n", "row 2" },
        { "unbalanced quote", ImportWorkspace.Header + "\r\n" + ImportWorkspace.Row(1).Replace("Peeters", "\"Peeters", StringComparison.Ordinal) + "\r\n", "row 2" },
        { "empty file", "", "newcomers.csv" },
        { "header only", ImportWorkspace.Header + "\r\n", "newcomers.csv" },
    };

    [Theory]
    [MemberData(nameof(BadCsv))]
    public async Task BadCsvIsRefusedNamingWhereAndNothingChanges(string why, string content, string expected)
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        await workspace.ImportAsync(workspace.Write("seed.csv", ImportWorkspace.Csv(3)));
        var before = await workspace.StateAsync();

        var run = await workspace.ImportAsync(workspace.Write("newcomers.csv", content));

        Assert.True(run.ExitCode == ExitCodes.Rejected, $"{why}: {run}");
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.All(run.ErrorLines, line => Assert.StartsWith("newcomers.csv", line, StringComparison.Ordinal));
        Assert.Equal(before, await workspace.StateAsync());
    }

    [Fact]
    public async Task UnknownColumnNeverEchoesItsValues()
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        var run = await workspace.ImportAsync(workspace.Write("newcomers.csv", ImportWorkspace.Header + ";Rijksregisternummer\r\n" + ImportWorkspace.Row(1) + "85.07.30-033.28\r\n"));
        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.DoesNotContain("85.07.30", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Peeters", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorInTheLastRowOfALargeFileIsFoundAndNothingIsWritten()
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        var content = ImportWorkspace.Csv(20_000) + ImportWorkspace.Row(20_001, "Z9") + "\r\n";
        var run = await workspace.ImportAsync(workspace.Write("newcomers.csv", content));
        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Contains("row 20002, column \"Niveau Nederlands\"", run.Error, StringComparison.Ordinal);
        Assert.Equal("\naudit:4", await workspace.StateAsync());
    }

    [Fact]
    public async Task EveryProblemIsListedNotOnlyTheFirst()
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        var content = ImportWorkspace.Header + "\r\n" + ImportWorkspace.Row(1, "B3") + "\r\n" + ImportWorkspace.Row(2) + "\r\n" + ImportWorkspace.Row(3, "X") + "\r\n";
        var run = await workspace.ImportAsync(workspace.Write("newcomers.csv", content));
        Assert.Contains("row 2,", run.Error, StringComparison.Ordinal);
        Assert.Contains("row 4,", run.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string> BadWorkbooks => new()
    {
        { "random binary named .xlsx", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))], "newcomers.xlsx" },
        { "encrypted workbook or old .xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[2048]], "encrypted" },
        { "formula cell", TestWorkbooks.Create(
            ["Dossiernummer", "Naam", "Voornaam"],
            ["D-1", "Peeters", "An"],
            ["D-2", new TestCell.Formula("A2&\"x\"", "D-1x"), "Jan"]), "B3" },
        { "zip bomb", TestWorkbooks.Zip(("[Content_Types].xml", "<Types/>"), ("xl/worksheets/sheet1.xml", "<x>" + new string(' ', 60_000_000) + "</x>")), "newcomers.xlsx" },
    };

    [Theory]
    [MemberData(nameof(BadWorkbooks))]
    public async Task BadWorkbookIsRefusedClearlyAndNothingChanges(string why, byte[] content, string expected)
    {
        await using var workspace = await ImportWorkspace.CreateAsync();
        var before = await workspace.StateAsync();
        var run = await workspace.ImportAsync(workspace.Write("newcomers.xlsx", content));
        Assert.True(run.ExitCode == ExitCodes.Rejected, $"{why}: {run}");
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await workspace.StateAsync());
    }
}
