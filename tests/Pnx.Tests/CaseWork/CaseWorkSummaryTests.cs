using Microsoft.EntityFrameworkCore;
using Pnx.CaseWork;
using Pnx.Enrolments;
using Pnx.Newcomers;
using Pnx.Tests.Enrolments;

namespace Pnx.Tests.CaseWork;

/// <summary>
/// The case-work summaries on a newcomer's row (last contact, hours recorded) are kept by the database's triggers
/// (migration CaseWorkSummary), whoever writes the contact log or the enrolments. After every write of a random
/// sequence of inserts, updates and deletes, on the engine under test, they equal the aggregates of the rows themselves.
/// </summary>
public sealed class CaseWorkSummaryTests : IAsyncLifetime
{
    private ParticipationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ParticipationWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task TheSummariesEqualTheContactLogAndTheEnrolmentsAfterEveryWrite()
    {
        long[] newcomers = [await _world.AddNewcomerAsync("S-1"), await _world.AddNewcomerAsync("S-2"), await _world.AddNewcomerAsync("S-3")];
        var random = new Random(20261203);
        var start = _world.Time.GetUtcNow().UtcDateTime;
        var activities = 0;
        for (var step = 0; step < 80; step++)
        {
            await using (var db = _world.Open())
            {
                var newcomer = newcomers[random.Next(newcomers.Length)];
                var contacts = await db.ContactLog.Where(c => c.NewcomerId == newcomer).ToListAsync();
                var enrolments = await db.Enrolments.Where(e => e.NewcomerId == newcomer).ToListAsync();
                // Moments with and without fractions of a second, so that the stored text of SQLite compares as time does.
                var at = start.AddMinutes(random.Next(-5000, 5000)).AddTicks(random.Next(2) * random.Next(1, 10_000_000));
                double? hours = random.Next(4) == 0 ? null : random.Next(0, 81) / 2.0;
                switch (random.Next(6))
                {
                    case 0 or 1:
                        db.ContactLog.Add(new ContactLogEntry { MunicipalityId = _world.Halle.Id, NewcomerId = newcomer, Outcome = ContactOutcome.Bereikt, At = at, Actor = ParticipationWorld.Actor });
                        break;
                    case 2 when contacts.Count > 0:
                        var moved = contacts[random.Next(contacts.Count)];
                        moved.At = at;
                        break;
                    case 3 when contacts.Count > 0:
                        db.ContactLog.Remove(contacts[random.Next(contacts.Count)]);
                        break;
                    case 4 when enrolments.Count > 0:
                        var changed = enrolments[random.Next(enrolments.Count)];
                        if (random.Next(2) == 0) changed.Hours = hours;
                        else db.Enrolments.Remove(changed);
                        break;
                    default:
                        var activity = await _world.AddActivityAsync("Activiteit " + ++activities);
                        await _world.AddEnrolmentAsync(newcomer, activity, EnrolmentStatus.Gestart, hours);
                        break;
                }

                await db.SaveChangesAsync();
            }

            await AssertSummariesAsync(newcomers, step);
        }

        // Erasing the case work (withdrawal, retention) leaves a newcomer never contacted and without hours.
        await using (var db = _world.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await CaseWorkErasure.DeleteForAsync(db, newcomers, default);
            await transaction.CommitAsync();
        }

        await using (var db = _world.Open())
        {
            var rows = await db.Newcomers.AsNoTracking().Where(n => newcomers.Contains(n.Id)).ToListAsync();
            Assert.All(rows, n => Assert.Null(n.LastContactAt));
            Assert.All(rows, n => Assert.Equal(0, n.RecordedHours));
        }
    }

    private async Task AssertSummariesAsync(long[] newcomers, int step)
    {
        await using var db = _world.Open();
        foreach (var id in newcomers)
        {
            var newcomer = await db.Newcomers.AsNoTracking().SingleAsync(n => n.Id == id);
            var contacts = await db.ContactLog.AsNoTracking().Where(c => c.NewcomerId == id).Select(c => c.At).ToListAsync();
            var hours = await db.Enrolments.AsNoTracking().Where(e => e.NewcomerId == id).Select(e => e.Hours).ToListAsync();
            Assert.True(contacts.Count == 0 ? newcomer.LastContactAt is null : newcomer.LastContactAt == contacts.Max(),
                $"step {step}, newcomer {id}: last contact {newcomer.LastContactAt:O}, the log's latest {(contacts.Count == 0 ? "none" : contacts.Max().ToString("O"))}");
            Assert.True(newcomer.RecordedHours == hours.Sum(h => h ?? 0), $"step {step}, newcomer {id}: {newcomer.RecordedHours} hours kept, {hours.Sum(h => h ?? 0)} recorded");
        }
    }
}
