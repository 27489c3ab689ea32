using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Activities;
using Pnx.Cli;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Activities;

/// <summary>
/// A database with Halle (23027) and Vilvoorde (23088), registered without any protocol: the catalogue holds no
/// personal data and must work without one. Files to import, the CLI verbs, and the state for "nothing changed".
/// </summary>
internal sealed class CatalogueWorkspace : IAsyncDisposable
{
    public const string Header =
        "Activiteit-ID;Titel;Omschrijving;Organisator;Contactpersoon;Contact e-mail;Contact telefoon;Adres;Postcode;Woonplaats;" +
        "Categorieën;Kinderopvang;Gezinsactiviteit;Gratis;Minimum niveau Nederlands;Talen;Capaciteit;Uren;Van;Tot;Gedeeld met";

    /// <summary>A valid value for every column, as an offer manager would write it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Valid = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Activiteit-ID"] = "",
        ["Titel"] = "Taalcafé Halle",
        ["Omschrijving"] = "Elke dinsdag Nederlands oefenen.",
        ["Organisator"] = "Bibliotheek Halle",
        ["Contactpersoon"] = "An Peeters",
        ["Contact e-mail"] = "Info@Bib.Halle.BE",
        ["Contact telefoon"] = "02 365 99 00",
        ["Adres"] = "Basiliekstraat 1",
        ["Postcode"] = "1500",
        ["Woonplaats"] = "Halle",
        ["Categorieën"] = "2|informeel participeren",
        ["Kinderopvang"] = "ja",
        ["Gezinsactiviteit"] = "nee",
        ["Gratis"] = "JA",
        ["Minimum niveau Nederlands"] = "a1",
        ["Talen"] = "Arabisch|fr",
        ["Capaciteit"] = "25",
        ["Uren"] = "2,5",
        ["Van"] = "1/3/2026",
        ["Tot"] = "2026-12-31",
        ["Gedeeld met"] = "23088",
    };

    /// <summary>A valid full row, with some cells replaced (column name, value); ';' in a value is quoted.</summary>
    public static string Row(params (string Column, string Value)[] changes)
    {
        var cells = Pnx.Activities.FileFormat.ActivityColumns.All.Select(c => Valid[c]).ToArray();
        foreach (var (column, value) in changes) cells[IndexOf(column)] = value;
        return string.Join(';', cells.Select(c => c.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c));
    }

    public static string Titled(string title) => Row(("Titel", title));

    private static int IndexOf(string column)
    {
        var index = Pnx.Activities.FileFormat.ActivityColumns.All.ToList().IndexOf(column);
        Assert.True(index >= 0, $"not a column: {column}");
        return index;
    }

    private CatalogueWorkspace(TestDatabase database, PnxCli cli)
    {
        Database = database;
        Cli = cli;
    }

    public TestDatabase Database { get; }

    public PnxCli Cli { get; }

    public static async Task<CatalogueWorkspace> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var cli = PnxCli.For(database);
        await cli.RunExpectingAsync(ExitCodes.Done, "municipality", "add", "--nis", "23027", "--name", "Halle");
        await cli.RunExpectingAsync(ExitCodes.Done, "municipality", "add", "--nis", "23088", "--name", "Vilvoorde");
        return new CatalogueWorkspace(database, cli);
    }

    public static string Csv(params string[] rows) => Header + "\r\n" + string.Join("\r\n", rows) + "\r\n";

    public string Write(string name, string content) => Write(name, new UTF8Encoding(false).GetBytes(content));

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Database.Settings.DataDir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Database.Settings.DataDir, name);

    public Task<CliRun> ImportAsync(string path, string nis = "23027", params string[] extra) =>
        Cli.RunAsync(["activity", "import", "--municipality", nis, "--file", path, .. extra]);

    public Task<CliRun> ExportAsync(string format, string path, string nis = "23027") =>
        Cli.RunAsync("activity", "export", "--municipality", nis, "--format", format, "--out", path);

    /// <summary>Imports and fails the test unless it succeeds.</summary>
    public async Task<CliRun> ImportOkAsync(string content, string nis = "23027", string name = "activiteiten.csv")
    {
        var run = await ImportAsync(Write(name, content), nis);
        Assert.True(run.ExitCode == ExitCodes.Done, run.ToString());
        return run;
    }

    public async Task<List<Activity>> ActivitiesAsync()
    {
        await using var db = Database.Open();
        return await db.Activities.AsNoTracking().Include(a => a.SharedWith).ThenInclude(s => s.Municipality).Include(a => a.Municipality)
            .OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>Everything an import could change, for "nothing changed" assertions.</summary>
    public async Task<string> StateAsync()
    {
        var activities = await ActivitiesAsync();
        await using var db = Database.Open();
        var shares = await db.ActivityShares.CountAsync();
        var audit = await db.AuditEntries.CountAsync();
        return string.Join('\n', activities.Select(a => string.Join('|', a.Id, a.MunicipalityId, a.Title, a.Version, a.UpdatedAt.Ticks)))
            + $"\nshares:{shares}\naudit:{audit}";
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
