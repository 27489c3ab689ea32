using System.Text;
using Microsoft.EntityFrameworkCore;
using Pnx.Cli;
using Pnx.Imports;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Imports;

/// <summary>A database with Halle (23027) and Gent (44021) under active protocols, and files to import.</summary>
internal sealed class ImportWorkspace : IAsyncDisposable
{
    public const string Header = "Dossiernummer;Naam;Voornaam;Straat;Huisnummer;Bus;Postcode;Woonplaats;Telefoon;E-mail;Contacttaal;Niveau Nederlands;Status MO;Interesses en noden;Datum inburgeringsattest";

    private ImportWorkspace(TestDatabase database, PnxCli cli)
    {
        Database = database;
        Cli = cli;
    }

    public TestDatabase Database { get; }

    public PnxCli Cli { get; }

    public static async Task<ImportWorkspace> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var cli = PnxCli.For(database);
        await cli.AddMunicipalityWithProtocolAsync("23027", "Halle");
        await cli.AddMunicipalityWithProtocolAsync("44021", "Gent");
        return new ImportWorkspace(database, cli);
    }

    public static string Row(int i, string level = "A1") =>
        $"D-{i:D5};Peeters;An;Markt;{i % 90 + 1};;1500;Halle;0470 12 34 56;an{i}@example.be;Arabisch;{level};lopend;buddy|sport en beweging;";

    public static string Csv(int rows) => Header + "\r\n" + string.Join("\r\n", Enumerable.Range(1, rows).Select(i => Row(i))) + "\r\n";

    public string Write(string name, string content, Encoding? encoding = null) => Write(name, (encoding ?? new UTF8Encoding(false)).GetBytes(content));

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Database.Settings.DataDir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public Task<CliRun> ImportAsync(string path, params string[] extra) =>
        Cli.RunAsync(["import", "--file", path, "--municipality", "23027", .. extra]);

    /// <summary>Everything an import could change, for "nothing changed" assertions.</summary>
    public async Task<string> StateAsync()
    {
        await using var db = Database.Open();
        var rows = await db.Newcomers.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
        var newcomers = rows.Select(n => string.Join('|',
            new object?[] { n.Id, n.MunicipalityId, n.WithdrawnAt, n.ErasedAt }.Concat(NewcomerFields.All.Select(f => f.ValueOf(n)))));
        var audit = await db.AuditEntries.CountAsync();
        return string.Join('\n', newcomers) + "\naudit:" + audit;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
