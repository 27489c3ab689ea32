using Pnx.Access;
using Pnx.CaseWork;
using Pnx.Enrolments;
using Pnx.Tests.Infrastructure;
using static Pnx.Tests.Web.Newcomers.CaseWorkWorld;
using static Pnx.Tests.Web.Newcomers.WorkspaceWorld;

namespace Pnx.Tests.Web.Newcomers;

/// <summary>The list's case-work filters and sorts: enrolment status, never contacted, 40 hours, last contact, hours.</summary>
public sealed class NewcomerListCaseWorkTests : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task TheListFiltersOnEnrolmentStatusContactAndHoursAndSortsOnHoursAndLastContact()
    {
        await ClearCaseWorkAsync(_web, "23027");
        var current = (await CurrentAsync(_web, "23027")).OrderBy(n => n.DossierNumber, StringComparer.Ordinal).ToList();
        var (forty, enrolled, calledEarly, calledLate) = (current[3], current[5], current[7], current[9]);
        var activity = await AddActivityAsync(_web, "23027", "Testzwemclub");
        var second = await AddActivityAsync(_web, "23027", "Testbuddy");
        await using (var db = _web.Database.Open())
        {
            var at = DateTime.UtcNow;
            Enrolment Enrol(long newcomer, int activityId, EnrolmentStatus status, double? hours) => new()
            {
                MunicipalityId = forty.MunicipalityId, NewcomerId = newcomer, ActivityId = activityId, Status = status, Hours = hours,
                CreatedAt = at, CreatedBy = "test", StatusAt = at, StatusBy = "test", Version = 1,
            };
            db.Enrolments.AddRange(
                Enrol(forty.Id, activity, EnrolmentStatus.Gestart, 30), Enrol(forty.Id, second, EnrolmentStatus.Afgerond, 10),
                Enrol(enrolled.Id, activity, EnrolmentStatus.Aangemeld, null));
            db.ContactLog.AddRange(
                new ContactLogEntry { MunicipalityId = forty.MunicipalityId, NewcomerId = calledEarly.Id, Outcome = ContactOutcome.Bereikt, At = at.AddDays(-3), Actor = "test" },
                new ContactLogEntry { MunicipalityId = forty.MunicipalityId, NewcomerId = calledLate.Id, Outcome = ContactOutcome.NietBereikt, At = at.AddDays(-1), Actor = "test" });
            await db.SaveChangesAsync();
        }

        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        async Task<List<long>> IdsAsync(string query) => Rows(await client.GetPageAsync("/gemeenten/23027/inburgeraars" + query), "23027").Select(r => r.Id).ToList();

        Assert.Equal([forty.Id], await IdsAsync("?inschrijving=gestart"));
        Assert.Equal([forty.Id], await IdsAsync("?inschrijving=afgerond"));
        Assert.Equal([enrolled.Id], await IdsAsync("?inschrijving=aangemeld"));
        Assert.Empty(await IdsAsync("?inschrijving=niet%20gestart"));
        Assert.Equal([forty.Id], await IdsAsync("?uren=40"));
        Assert.Equal(forty.Id, (await IdsAsync("?sorteer=uren"))[0]);

        var notContacted = await client.GetPageAsync("/gemeenten/23027/inburgeraars?contact=nooit&sorteer=dossier");
        Assert.Contains($"{current.Count - 2} inburgeraars", notContacted, StringComparison.Ordinal);
        Assert.DoesNotContain(Rows(notContacted, "23027"), r => r.Id == calledEarly.Id || r.Id == calledLate.Id);

        var lastPage = (current.Count + 49) / 50;
        List<long> byContact = lastPage > 1 ? await IdsAsync($"?sorteer=contact&pagina={lastPage - 1}") : [];
        byContact.AddRange(await IdsAsync($"?sorteer=contact&pagina={lastPage}"));
        Assert.Equal([calledEarly.Id, calledLate.Id], byContact[^2..]);
        var firstByContact = await client.GetPageAsync("/gemeenten/23027/inburgeraars?sorteer=contact");
        Assert.Contains("<td>nooit</td>", firstByContact, StringComparison.Ordinal);

        var combined = await IdsAsync("?inschrijving=gestart&contact=nooit&uren=40&mijn=1");
        Assert.Empty(combined);
    }
}
