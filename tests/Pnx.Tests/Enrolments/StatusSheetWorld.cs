using Microsoft.EntityFrameworkCore;
using Pnx.Cli;
using Pnx.Enrolments;
using Pnx.Newcomers;
using Pnx.Tests.Exports;
using Pnx.Tests.Infrastructure;
using Pnx.Tests.Trajectories;

namespace Pnx.Tests.Enrolments;

/// <summary>
/// Halle with three enrolments in three states (and one of a withdrawn newcomer), Vilvoorde with one of its own,
/// and Halle's .xlsx export on disk, ready to be edited and imported back.
/// </summary>
public sealed class StatusSheetWorld : IAsyncDisposable
{
    private StatusSheetWorld(TestDatabase database, PnxCli cli) => (Database, Cli) = (database, cli);

    public TestDatabase Database { get; }

    public PnxCli Cli { get; }

    public string Path => ExportFixture.OutPath(Database, "xlsx");

    /// <summary>D-1, Zwemclub, voorgesteld.</summary>
    public long Proposed { get; private set; }

    /// <summary>D-2, Zwemclub, gestart with 4 hours.</summary>
    public long Started { get; private set; }

    /// <summary>D-3, Buddyproject, afgerond with 12 hours.</summary>
    public long Finished { get; private set; }

    /// <summary>Vilvoorde's D-9, Kookclub.</summary>
    public long Elsewhere { get; private set; }

    public int Swimming { get; private set; }

    public int Buddy { get; private set; }

    /// <summary>Asks Dutch B1: above every Halle newcomer's (unknown) level, so matching's hard rules refuse it.</summary>
    public int Debate { get; private set; }

    public int Cooking { get; private set; }

    public static async Task<StatusSheetWorld> CreateAsync()
    {
        var (database, cli) = await ExportFixture.HalleAsync();
        var world = new StatusSheetWorld(database, cli);
        await cli.AddMunicipalityWithProtocolAsync("23088", "Vilvoorde");
        var d1 = await Pnx.Tests.Trajectories.ParticipationWorld.AddNewcomerAsync(database, "23027", "D-1", "Peeters", "An");
        var d2 = await Pnx.Tests.Trajectories.ParticipationWorld.AddNewcomerAsync(database, "23027", "D-2", "Janssens", "Jan");
        var d3 = await Pnx.Tests.Trajectories.ParticipationWorld.AddNewcomerAsync(database, "23027", "D-3", "Maes", "Lotte");
        var d4 = await Pnx.Tests.Trajectories.ParticipationWorld.AddNewcomerAsync(database, "23027", "D-4", "Wouters", "Tom");
        var d9 = await Pnx.Tests.Trajectories.ParticipationWorld.AddNewcomerAsync(database, "23088", "D-9", "Claes", "Sara");
        world.Swimming = await Pnx.Tests.Trajectories.ParticipationWorld.AddActivityAsync(database, "23027", "Zwemclub");
        world.Buddy = await Pnx.Tests.Trajectories.ParticipationWorld.AddActivityAsync(database, "23027", "=Buddyproject");
        world.Debate = await Pnx.Tests.Trajectories.ParticipationWorld.AddActivityAsync(database, "23027", "Debatclub", a => a.MinimumDutchLevel = DutchLevel.B1);
        world.Cooking = await Pnx.Tests.Trajectories.ParticipationWorld.AddActivityAsync(database, "23088", "Kookclub");
        world.Proposed = await Pnx.Tests.Trajectories.ParticipationWorld.EnrolAsync(database, cli.Time, "23027", d1, world.Swimming);
        world.Started = await Pnx.Tests.Trajectories.ParticipationWorld.EnrolAsync(database, cli.Time, "23027", d2, world.Swimming, [(EnrolmentStatus.Gestart, null, 4)]);
        world.Finished = await Pnx.Tests.Trajectories.ParticipationWorld.EnrolAsync(database, cli.Time, "23027", d3, world.Buddy, [(EnrolmentStatus.Gestart, null, 10), (EnrolmentStatus.Afgerond, null, 12)]);
        await Pnx.Tests.Trajectories.ParticipationWorld.EnrolAsync(database, cli.Time, "23027", d4, world.Buddy);
        world.Elsewhere = await Pnx.Tests.Trajectories.ParticipationWorld.EnrolAsync(database, cli.Time, "23088", d9, world.Cooking);
        await using (var db = database.Open())
        {
            await db.Newcomers.Where(n => n.Id == d4).ExecuteUpdateAsync(s => s.SetProperty(n => n.WithdrawnAt, DateTime.UtcNow));
        }

        await world.ExportAsync();
        return world;
    }

    public Task ExportAsync() => Cli.RunExpectingAsync(ExitCodes.Done, "export", "--municipality", "23027", "--format", "xlsx", "--out", Path);

    public Task<CliRun> ImportAsync(params string[] extra) =>
        Cli.RunAsync(["status", "import", "--municipality", "23027", "--file", Path, .. extra]);

    public void Edit(Action<StatusWorkbookEditor> edit)
    {
        using var editor = StatusWorkbookEditor.Open(Path);
        edit(editor);
    }

    /// <summary>Everything an import could write: enrolments, reported changes, the audit trail.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var db = Database.Open();
        var enrolments = await db.Enrolments.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Status, e.Reason, e.Hours, e.Version }).ToListAsync();
        var changes = await db.EnrolmentStatusChanges.CountAsync();
        var audit = await db.AuditEntries.CountAsync();
        return string.Join("|", enrolments.Select(e => FormattableString.Invariant($"{e.Id}:{e.Status}:{e.Reason}:{e.Hours}:{e.Version}")))
            + FormattableString.Invariant($"|changes {changes}|audit {audit}");
    }

    public Task<Enrolment> EnrolmentAsync(long id) => Pnx.Tests.Trajectories.ParticipationWorld.EnrolmentAsync(Database, id);

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
