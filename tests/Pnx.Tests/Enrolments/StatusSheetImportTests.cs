using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Pnx.Cli;
using Pnx.Enrolments;
using Pnx.Enrolments.StatusSheet;

namespace Pnx.Tests.Enrolments;

/// <summary>The status sheet round trip of contract §7 through `pnx status import`, on a real export of a real database.</summary>
public sealed class StatusSheetImportTests
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task StatusSheetExportHasOneRowPerEnrolmentOfTheMunicipalitysCurrentNewcomers()
    {
        await using var world = await StatusSheetWorld.CreateAsync();

        using var document = SpreadsheetDocument.Open(world.Path, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Activiteiten");
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        Assert.Equal(StatusSheetColumns.All, rows[0].Elements<Cell>().Select(StatusWorkbookEditor.Text));
        string[][] expected =
            [["D-1", Id(world.Proposed), world.Swimming.ToString(CultureInfo.InvariantCulture), "Zwemclub", "voorgesteld"],
             ["D-2", Id(world.Started), world.Swimming.ToString(CultureInfo.InvariantCulture), "Zwemclub", "gestart", "4"],
             ["D-3", Id(world.Finished), world.Buddy.ToString(CultureInfo.InvariantCulture), "'=Buddyproject", "afgerond", "12"]];
        Assert.Equal(
            expected,
            rows.Skip(1).Select(r => r.Elements<Cell>().SkipLast(1).Select(StatusWorkbookEditor.Text).ToArray()).ToArray());
        var date = rows[1].Elements<Cell>().Last();
        Assert.Equal("H2", date.CellReference!.Value);
        Assert.Equal(new DateTime(2026, 6, 15).ToOADate(), double.Parse(date.CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.All(workbook.WorksheetParts, part => Assert.Empty(part.Worksheet.Descendants<CellFormula>()));
    }

    [Fact]
    public async Task AnUnchangedExportImportsBackAllUnchangedAndWritesNothing()
    {
        await using var world = await StatusSheetWorld.CreateAsync();
        var before = await world.SnapshotAsync();

        var run = await world.ImportAsync();

        Assert.Equal(ExitCodes.Done, run.ExitCode);
        Assert.Equal("23027 Halle: 0 statuses changed, 0 enrolments created, 3 unchanged", run.Out.Trim());
        // Only the record that the file was processed is added to the audit trail.
        Assert.Equal(before.Split("|audit")[0], (await world.SnapshotAsync()).Split("|audit")[0]);
    }

    [Theory]
    [InlineData("proposed", "aangemeld", "", "", EnrolmentStatus.Aangemeld, null, null)]
    [InlineData("proposed", "niet gestart", "", "", EnrolmentStatus.NietGestart, null, null)]
    [InlineData("proposed", "Gestart", "", "2,5", EnrolmentStatus.Gestart, null, 2.5)]
    [InlineData("started", "gestart", "", "6.5", EnrolmentStatus.Gestart, null, 6.5)]
    [InlineData("started", "afgerond", "", "", EnrolmentStatus.Afgerond, null, 4.0)]
    [InlineData("started", "gestopt", "geen interesse", "5", EnrolmentStatus.Gestopt, StopReason.GeenInteresse, 5.0)]
    public async Task EachAllowedChangeIsAppliedThroughTheStatusRules(
        string target, string status, string reason, string hours, EnrolmentStatus expected, StopReason? expectedReason, double? expectedHours)
    {
        await using var world = await StatusSheetWorld.CreateAsync();
        var id = target == "proposed" ? world.Proposed : world.Started;
        world.Edit(sheet =>
        {
            sheet.Type(id, "Status", status);
            if (reason.Length > 0) sheet.Type(id, "Reden", reason);
            if (hours.Length > 0) sheet.Type(id, "Uren", hours);
        });
        await using var db = world.Database.Open();
        var changesBefore = await db.EnrolmentStatusChanges.CountAsync(c => c.EnrolmentId == id);

        var run = await world.ImportAsync();

        Assert.True(run.ExitCode == ExitCodes.Done, run.ToString());
        Assert.Equal("23027 Halle: 1 status changed, 0 enrolments created, 2 unchanged", run.Out.Trim());
        var enrolment = await world.EnrolmentAsync(id);
        Assert.Equal(expected, enrolment.Status);
        Assert.Equal(expectedReason, enrolment.Reason);
        Assert.Equal(expectedHours, enrolment.Hours);
        Assert.Equal(changesBefore + 1, await db.EnrolmentStatusChanges.CountAsync(c => c.EnrolmentId == id));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "enrolment.status" && e.Detail!.Contains("enrolment " + Id(id) + ",")));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "status.import" && e.Municipality == "23027"));
    }

    [Theory]
    [InlineData("started", "Status", "voorgesteld", "Status", "kan de status niet naar")]          // backwards
    [InlineData("finished", "Status", "gestart", "Status", "is definitief")]                        // from a final status
    [InlineData("started", "Status", "gestopt", "Reden", "vraagt een reden")]                       // gestopt without a reason
    [InlineData("started", "Reden", "werk", "Reden", "hoort alleen bij")]                           // a reason without gestopt
    [InlineData("proposed", "Uren", "3", "Uren", "pas vanaf \"gestart\"")]                          // hours before gestart
    [InlineData("started", "Uren", "-1", "Uren", "niet negatief")]
    [InlineData("started", "Uren", "2,25", "Uren", "per halfuur")]
    [InlineData("started", "Uren", "veel", "Uren", "is not a number of hours")]
    [InlineData("started", "Status", "bezig", "Status", "is not one of voorgesteld, aangemeld")]
    [InlineData("started", "Reden", "ziek", "Reden", "is not one of werk, studie")]
    [InlineData("started", "Status", "", "Status", "is required")]
    [InlineData("proposed", "Dossiernummer", "D-2", "Dossiernummer", "does not belong to this enrolment")]
    [InlineData("proposed", "Activiteit-ID", "{buddy}", "Activiteit-ID", "does not belong to this enrolment")]
    public async Task EachForbiddenChangeIsRefusedNamingRowAndColumnAndWritesNothing(
        string target, string column, string text, string expectedColumn, string reason)
    {
        await using var world = await StatusSheetWorld.CreateAsync();
        var id = target switch { "proposed" => world.Proposed, "started" => world.Started, _ => world.Finished };
        var row = 0;
        world.Edit(sheet => row = sheet.Type(id, column, text.Replace("{buddy}", world.Buddy.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        var before = await world.SnapshotAsync();

        var run = await world.ImportAsync();

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"export.xlsx: row {row}, column \"{expectedColumn}\": ", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.Equal(before, await world.SnapshotAsync());
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task AChangedCellOnSheetInburgeraarsIsRefusedNamingTheCell()
    {
        await using var world = await StatusSheetWorld.CreateAsync();
        world.Edit(sheet =>
        {
            sheet.Set(StatusWorkbookEditor.Newcomers, "C3", "Johan");         // Voornaam of D-2
            sheet.Type(world.Proposed, "Status", "aangemeld");               // a valid change that must not be applied either
        });
        var before = await world.SnapshotAsync();

        var run = await world.ImportAsync();

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("export.xlsx: row 3, column \"Voornaam\": cell Inburgeraars!C3 differs from the data the agency shared", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Johan", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Fact]
    public async Task ANewRowWithoutAnEnrolmentIdProposesTheActivity()
    {
        await using var world = await StatusSheetWorld.CreateAsync();
        var row = 0;
        world.Edit(sheet => row = sheet.AddRow(new Dictionary<string, string> { ["Dossiernummer"] = "D-1", ["Activiteit-ID"] = world.Buddy.ToString(CultureInfo.InvariantCulture) }));

        var run = await world.ImportAsync();

        Assert.True(run.ExitCode == ExitCodes.Done, run.ToString());
        Assert.Equal("23027 Halle: 0 statuses changed, 1 enrolment created, 3 unchanged", run.Out.Trim());
        await using var db = world.Database.Open();
        var created = await db.Enrolments.AsNoTracking().SingleAsync(e => e.Newcomer!.DossierNumber == "D-1" && e.ActivityId == world.Buddy);
        Assert.Equal(EnrolmentStatus.Voorgesteld, created.Status);
        Assert.True(await db.EnrolmentStatusChanges.AnyAsync(c => c.EnrolmentId == created.Id && c.Status == EnrolmentStatus.Voorgesteld));
    }

    [Fact]
    public async Task ANewRowForAnActivityThatBreaksAHardMatchingRuleIsRefused()
    {
        await using var world = await StatusSheetWorld.CreateAsync();
        var row = 0;
        world.Edit(sheet => row = sheet.AddRow(new Dictionary<string, string> { ["Dossiernummer"] = "D-1", ["Activiteit-ID"] = world.Debate.ToString(CultureInfo.InvariantCulture) }));
        var before = await world.SnapshotAsync();

        var run = await world.ImportAsync();

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.StartsWith($"export.xlsx: row {row}, column \"Activiteit-ID\": deze activiteit past niet", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Fact]
    public async Task AnEnrolmentIdOfAnotherMunicipalityIsRefusedAsUnknown()
    {
        await using var world = await StatusSheetWorld.CreateAsync();
        var row = 0;
        world.Edit(sheet => row = sheet.AddRow(new Dictionary<string, string>
        {
            ["Dossiernummer"] = "D-9", ["Inschrijving-ID"] = Id(world.Elsewhere), ["Activiteit-ID"] = world.Cooking.ToString(CultureInfo.InvariantCulture), ["Status"] = "aangemeld",
        }));
        var before = await world.SnapshotAsync();

        var run = await world.ImportAsync();

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Equal($"export.xlsx: row {row}, column \"Inschrijving-ID\": is not an enrolment of this municipality's current newcomers", Assert.Single(run.ErrorLines));
        Assert.Equal(EnrolmentStatus.Voorgesteld, (await world.EnrolmentAsync(world.Elsewhere)).Status);
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Fact]
    public async Task DryRunReportsTheChangesAndWritesNothing()
    {
        await using var world = await StatusSheetWorld.CreateAsync();
        world.Edit(sheet =>
        {
            sheet.Type(world.Proposed, "Status", "aangemeld");
            sheet.AddRow(new Dictionary<string, string> { ["Dossiernummer"] = "D-2", ["Activiteit-ID"] = world.Buddy.ToString(CultureInfo.InvariantCulture) });
        });
        var before = await world.SnapshotAsync();

        var run = await world.ImportAsync("--dry-run");

        Assert.True(run.ExitCode == ExitCodes.Done, run.ToString());
        Assert.Equal("23027 Halle: 1 status changed, 1 enrolment created, 2 unchanged (dry run: nothing written)", run.Out.Trim());
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Fact]
    public async Task OneBadRowAmongGoodOnesWritesNothingAndOnlyTheBadRowIsListed()
    {
        await using var world = await StatusSheetWorld.CreateAsync();
        var bad = 0;
        world.Edit(sheet =>
        {
            sheet.Type(world.Proposed, "Status", "aangemeld");
            sheet.Type(world.Started, "Status", "afgerond");
            bad = sheet.Type(world.Finished, "Status", "gestart");
            sheet.AddRow(new Dictionary<string, string> { ["Dossiernummer"] = "D-2", ["Activiteit-ID"] = world.Buddy.ToString(CultureInfo.InvariantCulture) });
        });
        var before = await world.SnapshotAsync();

        var run = await world.ImportAsync();

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.StartsWith($"export.xlsx: row {bad}, column \"Status\": ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await world.SnapshotAsync());
        Assert.Equal(EnrolmentStatus.Voorgesteld, (await world.EnrolmentAsync(world.Proposed)).Status);
    }

    [Fact]
    public async Task EveryProblemOfTheSheetIsListed()
    {
        await using var world = await StatusSheetWorld.CreateAsync();
        var rows = new List<int>();
        world.Edit(sheet =>
        {
            rows.Add(sheet.Type(world.Proposed, "Uren", "3"));
            rows.Add(sheet.Type(world.Started, "Status", "onbekend"));
            rows.Add(sheet.Type(world.Finished, "Status", "gestart"));
        });

        var run = await world.ImportAsync();

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Equal(rows.Order().Select(r => $"export.xlsx: row {r}, column"), run.ErrorLines.Select(l => l[..l.IndexOf(" \"", StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task StatusImportWithoutAnActiveProtocolIsRefusedByPolicy()
    {
        await using var world = await StatusSheetWorld.CreateAsync();
        await world.Cli.RunExpectingAsync(ExitCodes.Done, "municipality", "add", "--nis", "23099", "--name", "Zonderprotocol");

        var run = await world.Cli.RunAsync("status", "import", "--municipality", "23099", "--file", world.Path);

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("no active protocol", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status", "import", "--municipality", "23027")]
    [InlineData("status", "import", "--municipality", "Halle", "--file", "statussen.xlsx")]
    [InlineData("status", "export", "--municipality", "23027")]
    public async Task StatusImportWithoutItsOptionsIsAUsageError(params string[] args)
    {
        await using var world = await StatusSheetWorld.CreateAsync();

        var run = await world.Cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.NotEmpty(run.ErrorLines);
    }

    [Fact]
    public async Task AFileThatIsNotTheXlsxExportIsRefusedWithOneClearLine()
    {
        await using var world = await StatusSheetWorld.CreateAsync();
        await File.WriteAllTextAsync(world.Path, "Dossiernummer;Inschrijving-ID;Activiteit-ID;Status\r\nD-1;1;1;aangemeld\r\n");

        var run = await world.ImportAsync();

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Equal("export.xlsx: the status sheet is read from the .xlsx export (sheet Activiteiten); upload the .xlsx file", Assert.Single(run.ErrorLines));
    }
}
