using Microsoft.EntityFrameworkCore;
using Pnx.Audit;
using Pnx.CaseWork;
using Pnx.Enrolments;
using Pnx.Newcomers.Pages;
using Pnx.Tests.Enrolments;

namespace Pnx.Tests.CaseWork;

/// <summary>The contact log and the erasure of case work with the newcomer, on a real database.</summary>
public sealed class CaseWorkTests : IAsyncLifetime
{
    private ParticipationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ParticipationWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task DeletingCaseWorkForNewcomersRemovesTheirEnrolmentsContactsAndAssignmentsButKeepsTheReportedStatuses()
    {
        var gone = await _world.AddNewcomerAsync("D-1");
        var stays = await _world.AddNewcomerAsync("D-2");
        var activity = await _world.AddActivityAsync("Zwemclub");
        foreach (var newcomer in new[] { gone, stays })
        {
            var enrolment = (await _world.ProposeAsync(newcomer, activity)).Enrolment!;
            Assert.True((await _world.ChangeAsync(enrolment.Id, 1, EnrolmentStatus.Aangemeld)).Succeeded);
            await using var db = _world.Open();
            Assert.Equal(CaseWorkOutcome.Done, await ContactLog.AddAsync(db, _world.Time, _world.Halle, newcomer, ContactOutcome.Bereikt, "belt terug", ParticipationWorld.Actor, default));
            db.NewcomerAssignments.Add(new NewcomerAssignment { NewcomerId = newcomer, MunicipalityId = _world.Halle.Id, UserId = "someone", AssignedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using (var db = _world.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await CaseWorkErasure.DeleteForAsync(db, [gone], default);
            await transaction.CommitAsync();
        }

        await using (var db = _world.Open())
        {
            Assert.False(await db.Enrolments.AnyAsync(e => e.NewcomerId == gone));
            Assert.False(await db.ContactLog.AnyAsync(c => c.NewcomerId == gone));
            Assert.False(await db.NewcomerAssignments.AnyAsync(a => a.NewcomerId == gone));
            Assert.Equal(1, await db.Enrolments.CountAsync(e => e.NewcomerId == stays));
            Assert.Equal(1, await db.ContactLog.CountAsync(c => c.NewcomerId == stays));
            Assert.Equal(1, await db.NewcomerAssignments.CountAsync(a => a.NewcomerId == stays));
            Assert.Equal(2, await db.EnrolmentStatusChanges.CountAsync(c => c.DossierNumber == "D-1"));
        }

        // Shared again later (the same row, as a re-import revives it): nothing of before comes back.
        await using (var db = _world.Open())
        {
            var caseFile = await NewcomerCaseFile.LoadAsync(db, _world.Time, _world.Halle, gone, default);
            Assert.NotNull(caseFile);
            Assert.Empty(caseFile.Enrolments);
            Assert.Empty(caseFile.Contacts);
            Assert.Null(caseFile.Assignment);
            var staying = await NewcomerCaseFile.LoadAsync(db, _world.Time, _world.Halle, stays, default);
            Assert.Single(staying!.Enrolments);
            Assert.Single(staying.Contacts);
            Assert.NotNull(staying.Assignment);
        }

        Assert.True((await _world.ProposeAsync(gone, activity)).Succeeded);
    }

    [Fact]
    public async Task ContactAttemptsAreListedNewestFirstAndTheAuditNamesTheOutcomeNeverTheNote()
    {
        var newcomer = await _world.AddNewcomerAsync("D-9");
        await using (var db = _world.Open())
        {
            await ContactLog.AddAsync(db, _world.Time, _world.Halle, newcomer, ContactOutcome.NietBereikt, null, ParticipationWorld.Actor, default);
        }

        _world.Time.Advance(TimeSpan.FromHours(3));
        await using (var db = _world.Open())
        {
            await ContactLog.AddAsync(db, _world.Time, _world.Halle, newcomer, ContactOutcome.AfspraakGemaakt, "  dinsdag 10u op het loket  ", ParticipationWorld.Actor, default);
        }

        await using (var db = _world.Open())
        {
            var lines = (await NewcomerCaseFile.LoadAsync(db, _world.Time, _world.Halle, newcomer, default))!.Contacts;
            Assert.Equal([ContactOutcome.AfspraakGemaakt, ContactOutcome.NietBereikt], lines.Select(l => l.Outcome));
            Assert.Equal("dinsdag 10u op het loket", lines[0].Note);
            var audited = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "contact.add").OrderBy(e => e.Seq).ToListAsync();
            Assert.Equal(["outcome: niet bereikt", "outcome: afspraak gemaakt, with a note"], audited.Select(e => e.Detail));
            Assert.DoesNotContain(audited, e => (e.Detail ?? "").Contains("dinsdag", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ANoteLongerThan500CharactersOrWithControlCharactersIsRefused()
    {
        var newcomer = await _world.AddNewcomerAsync("D-9");
        await using var db = _world.Open();
        var tooLong = await ContactLog.AddAsync(db, _world.Time, _world.Halle, newcomer, ContactOutcome.Bereikt, new string('x', 501), ParticipationWorld.Actor, default);
        Assert.Equal(CaseWorkOutcomeKind.Refused, tooLong.Kind);
        var hidden = await ContactLog.AddAsync(db, _world.Time, _world.Halle, newcomer, ContactOutcome.Bereikt, "ok\u202Eko", ParticipationWorld.Actor, default);
        Assert.Equal(CaseWorkOutcomeKind.Refused, hidden.Kind);
        Assert.Equal(CaseWorkOutcome.Done, await ContactLog.AddAsync(db, _world.Time, _world.Halle, newcomer, ContactOutcome.Bereikt, new string('x', 500), ParticipationWorld.Actor, default));
        Assert.Equal(CaseWorkOutcomeKind.NotFound, (await ContactLog.AddAsync(db, _world.Time, _world.Vilvoorde, newcomer, ContactOutcome.Bereikt, null, ParticipationWorld.Actor, default)).Kind);
        Assert.True((await AuditVerifier.VerifyAsync(db, CancellationToken.None)).Intact);
    }
}
