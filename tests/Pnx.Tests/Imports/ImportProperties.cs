using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using Pnx.Cli;
using Pnx.Imports;
using Pnx.Newcomers;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Imports;

/// <summary>
/// Rules that hold for every input, checked on a real database: an export imports back unchanged;
/// an import applies completely or not at all; re-importing the same file changes nothing.
/// FsCheck property bodies are synchronous, so each case waits for its database work.
/// </summary>
#pragma warning disable xUnit1031
public sealed class ImportProperties
{
    private static readonly string[] TrickyText =
        ["Peeters", "Hélène", "O'Brien", "=SUM(A1)", "+32 fake", "-Jan", "@home", "Ça;va", "\"quoted\"", "Nguyễn", "Çelik", "Ab\u0301c", "multi  space", "'=already", "tab\tinside"];

    private static readonly string[] Languages = ["ar", "uk", "prs", "ti", "so", "fr", "en", "tr", "ru", "ps"];

    private static Gen<NewcomerRecord> Record(int index) =>
        from family in Gen.Elements(TrickyText)
        from given in Gen.Elements(TrickyText)
        from street in Gen.Elements<string?>([null, "Markt", "=1+1", "Rue de l'Église; 3"])
        from postcode in Gen.Choose(1000, 9999)
        from phone in Gen.Elements<string?>([null, "+32470123456", "+3223659900", "+31612345678"])
        from email in Gen.Elements<string?>([null, "an@example.be", "-x@voorbeeld.be", "Jan.Peeters@example.be"])
        from language in Gen.Elements<string?>([null, .. Languages])
        from level in Gen.Elements<DutchLevel?>([null, .. Enum.GetValues<DutchLevel>().Cast<DutchLevel?>()])
        from status in Gen.Elements<CivicOrientationStatus?>([null, .. Enum.GetValues<CivicOrientationStatus>().Cast<CivicOrientationStatus?>()])
        from bits in Gen.Choose(0, (1 << 12) - 1)
        from days in Gen.Choose(-1, 150)
        select new NewcomerRecord(index + 2, new Newcomer
        {
            DossierNumber = $"D-{index:D4}",
            FamilyName = Clean(family.Normalize()),
            GivenNames = Clean(given.Normalize()),
            Street = street,
            HouseNumber = "12",
            PostalCode = postcode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            City = "Halle",
            Phone = phone,
            Email = email,
            ContactLanguage = language,
            DutchLevel = level,
            CivicOrientationStatus = status,
            Interests = (bits & 1) != 0 ? InterestsAndNeeds.Geen : (InterestsAndNeeds)(bits & ~1),
            CertificateDate = days < 0 ? null : new DateOnly(2026, 6, 15).AddDays(-days),
        }, null);

    private static Gen<List<NewcomerRecord>> Records() =>
        from count in Gen.Choose(1, 12)
        from records in Gen.CollectToList(Enumerable.Range(0, count).Select(Record))
        select records.ToList();

    /// <summary>Tabs are control characters the importer refuses; the generator only makes acceptable values.</summary>
    private static string Clean(string value) => value.Replace('\t', ' ');

    [Property(MaxTest = 12)]
    public Property AnExportImportsBackUnchanged() => Prop.ForAll(Records().ToArbitrary(), Gen.Elements("csv", "xlsx").ToArbitrary(), (records, format) =>
    {
        var database = TestDatabase.CreateAsync().GetAwaiter().GetResult();
        try
        {
        var cli = PnxCli.For(database);
        cli.AddMunicipalityWithProtocolAsync("23027", "Halle").GetAwaiter().GetResult();
        using (var db = database.Open())
        {
            var stored = ImportApplier.ApplyAsync(db, cli.Time, records, new ImportOptions("23027"), "seed", CancellationToken.None).GetAwaiter().GetResult();
            Assert.Equal(ExitCodes.Done, stored.ExitCode);
        }

        var path = Path.Combine(database.Settings.DataDir, "export." + format);
        cli.RunExpectingAsync(ExitCodes.Done, "export", "--municipality", "23027", "--format", format, "--out", path).GetAwaiter().GetResult();
        var again = cli.RunExpectingAsync(ExitCodes.Done, "import", "--file", path).GetAwaiter().GetResult();
        Assert.Equal($"23027 Halle: 0 created, 0 updated, {records.Count} unchanged, 0 withdrawn", again.Out.Trim());
        }
        finally
        {
            database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    });

    [Property(MaxTest = 12)]
    public Property AnImportAppliesCompletelyOrNotAtAll() => Prop.ForAll(
        Gen.ListOf(Gen.Elements("A1", "B2", "geen", "", "B3", "Z")).Where(l => l.Count is > 0 and < 40).ToArbitrary(),
        levels =>
        {
            var workspace = ImportWorkspace.CreateAsync().GetAwaiter().GetResult();
            using var cleanup = new Cleanup(workspace);
            workspace.ImportAsync(workspace.Write("seed.csv", ImportWorkspace.Csv(3))).GetAwaiter().GetResult();
            var before = workspace.StateAsync().GetAwaiter().GetResult();
            var content = ImportWorkspace.Header + "\r\n" + string.Join("\r\n", levels.Select((level, i) => ImportWorkspace.Row(i + 1, level))) + "\r\n";
            var run = workspace.ImportAsync(workspace.Write("n.csv", content), "--mode", "upsert").GetAwaiter().GetResult();
            var bad = levels.Count(l => l is "B3" or "Z");
            if (bad > 0)
            {
                Assert.Equal(ExitCodes.Rejected, run.ExitCode);
                Assert.Equal(Math.Min(bad, 100), run.ErrorLines.Length);
                Assert.Equal(before, workspace.StateAsync().GetAwaiter().GetResult());
            }
            else
            {
                Assert.Equal(ExitCodes.Done, run.ExitCode);
                Assert.NotEqual(before, workspace.StateAsync().GetAwaiter().GetResult());
            }
        });

    [Property(MaxTest = 10)]
    public Property ReimportingTheSameFileChangesNothing() => Prop.ForAll(Gen.Choose(1, 60).ToArbitrary(), Gen.Elements("snapshot", "upsert").ToArbitrary(), (rows, mode) =>
    {
        var workspace = ImportWorkspace.CreateAsync().GetAwaiter().GetResult();
        using var cleanup = new Cleanup(workspace);
        var path = workspace.Write("n.csv", ImportWorkspace.Csv(rows));
        workspace.ImportAsync(path, "--mode", mode).GetAwaiter().GetResult();
        var state = workspace.StateAsync().GetAwaiter().GetResult();
        var second = workspace.ImportAsync(path, "--mode", mode).GetAwaiter().GetResult();
        Assert.Equal($"23027 Halle: 0 created, 0 updated, {rows} unchanged, 0 withdrawn", second.Out.Trim());
        Assert.Equal(state.Split("\naudit:")[0], workspace.StateAsync().GetAwaiter().GetResult().Split("\naudit:")[0]);
    });

    private sealed class Cleanup(ImportWorkspace workspace) : IDisposable
    {
        public void Dispose() => workspace.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
#pragma warning restore xUnit1031
