using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pnx.Access;
using Pnx.Audit;
using Pnx.Tests.Infrastructure;
using Pnx.Tests.Web.Administration;

namespace Pnx.Tests.Web.AuditViewer;

/// <summary>The viewer as a DPO reads it: words instead of codes, people by name and function, periods, pages, the chain.</summary>
public sealed partial class AuditViewerReadingTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    private TestWeb _web = null!;
    private string _caseWorkerId = null!;

    public async Task InitializeAsync()
    {
        _web = await TestWeb.StartAsync();
        _caseWorkerId = await _web.UserIdAsync(_web.Account(Role.MunicipalCaseWorker, "23027").Email);
        var audit = _web.Services.GetRequiredService<AuditLog>();
        await audit.RecordAsync(new AuditRecord("user:" + _caseWorkerId, "newcomer.view", "23027", ["R00001"], AuditPurposes.Steering));
        await audit.RecordAsync(new AuditRecord("user:" + _caseWorkerId, "contact.add", "23027", ["R00002"], AuditPurposes.Steering));
        await audit.RecordAsync(new AuditRecord("user:" + _caseWorkerId, "newcomer.view", "23088", ["R00003"], AuditPurposes.Steering));
    }

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task ActionsReadAsDutchLabelsAndPeopleByNameAndFunctionNotByUserId()
    {
        using var dpo = await _web.SignInAsync(Role.MunicipalDpo, "23027");
        var html = await dpo.GetPageAsync("/gemeenten/23027/audit");
        var row = Row(html, "R00001");
        Assert.Contains("Dossier van een inburgeraar geraadpleegd", row, StringComparison.Ordinal);
        Assert.Contains("Demo Integratieambtenaar halle", row, StringComparison.Ordinal);
        Assert.Contains("Integratieambtenaar (Toeleider)", row, StringComparison.Ordinal);
        Assert.DoesNotContain(_caseWorkerId, row, StringComparison.Ordinal);
        Assert.Contains("Contact genoteerd", Row(html, "R00002"), StringComparison.Ordinal);

        // The action filter lists every action by its label, not the names found in the trail.
        Assert.Contains("<option value=\"retention.purge\">Gegevens gewist (bewaartermijn)</option>", html, StringComparison.Ordinal);
        Assert.Contains("type=\"date\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePeriodFromDatePickersAndTheActionFilterSelectTheRightEntries()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Brussels));
        string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var dpo = await _web.SignInAsync(Role.MunicipalDpo, "23027");

        var fromToday = await FilterAsync(dpo, new() { ["Filter.From"] = Iso(today), ["Filter.To"] = Iso(today) });
        Assert.Contains("R00001", fromToday, StringComparison.Ordinal);
        Assert.Contains("R00002", fromToday, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Iso(today)}\"", fromToday, StringComparison.Ordinal);
        Assert.Contains("Geen entries voor deze filters.", await FilterAsync(dpo, new() { ["Filter.To"] = Iso(today.AddDays(-1)) }), StringComparison.Ordinal);
        Assert.Contains("Geen entries voor deze filters.", await FilterAsync(dpo, new() { ["Filter.From"] = Iso(today.AddDays(1)) }), StringComparison.Ordinal);
        // Typed the Belgian way, read the same.
        Assert.Contains("R00001", await FilterAsync(dpo, new() { ["Filter.From"] = today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) }), StringComparison.Ordinal);
        Assert.Contains("De begindatum ligt na de einddatum.", await FilterAsync(dpo, new() { ["Filter.From"] = Iso(today), ["Filter.To"] = Iso(today.AddDays(-1)) }), StringComparison.Ordinal);

        var contacts = await FilterAsync(dpo, new() { ["Filter.Action"] = "contact.add", ["Filter.From"] = Iso(today) });
        Assert.Contains("R00002", contacts, StringComparison.Ordinal);
        Assert.DoesNotContain("R00001", contacts, StringComparison.Ordinal);
        Assert.DoesNotContain("R00003", contacts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesFollowTheSeqSoOlderAndNewerPagesNeitherRepeatNorSkipAnEntry()
    {
        var audit = _web.Services.GetRequiredService<AuditLog>();
        for (var i = 0; i < 130; i++)
        {
            await audit.RecordAsync(new AuditRecord("user:" + _caseWorkerId, "matching.candidates", "23027", [$"P{i:D5}"], AuditPurposes.Steering));
        }

        using var dpo = await _web.SignInAsync(Role.MunicipalDpo, "23027");
        var filter = new Dictionary<string, string> { ["Filter.Action"] = "matching.candidates" };
        var first = await FilterAsync(dpo, filter);
        var firstSeqs = Seqs(first);
        Assert.Equal(100, firstSeqs.Count);
        Assert.Equal(firstSeqs.OrderDescending(), firstSeqs);
        var before = Regex.Match(first, "name=\"Filter.Before\" value=\"([0-9]+)\"").Groups[1].Value;
        Assert.Equal(firstSeqs[^1].ToString(CultureInfo.InvariantCulture), before);

        var second = await FilterAsync(dpo, new(filter) { ["Filter.Before"] = before });
        var secondSeqs = Seqs(second);
        Assert.Equal(30, secondSeqs.Count);
        Assert.True(secondSeqs[0] < firstSeqs[^1]);
        Assert.DoesNotContain("name=\"Filter.Before\"", second, StringComparison.Ordinal);
        var expected = await _web.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "matching.candidates").OrderByDescending(e => e.Seq).Select(e => e.Seq).ToListAsync());
        Assert.Equal(expected, firstSeqs.Concat(secondSeqs));

        var after = Regex.Match(second, "name=\"Filter.After\" value=\"([0-9]+)\"").Groups[1].Value;
        Assert.Equal(firstSeqs, Seqs(await FilterAsync(dpo, new(filter) { ["Filter.After"] = after })));
    }

    [Fact]
    public async Task AMunicipalDpoChecksTheWholeChainButReadsOnlyTheirOwnEntriesReasons()
    {
        using var dpo = await _web.SignInAsync(Role.MunicipalDpo, "23027");
        var intact = await VerifyAsync(dpo);
        Assert.Contains("Keten intact", intact, StringComparison.Ordinal);
        Assert.Contains("Entries van uw gemeente in de keten", intact, StringComparison.Ordinal);
        var verified = await _web.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "audit.verify").ToListAsync());
        Assert.Equal("23027", Assert.Single(verified).Municipality);

        // Another municipality's entry altered: the chain is broken there, and this DPO learns where, not what.
        var otherSeq = await _web.QueryAsync(db => db.AuditEntries.Where(e => e.Subjects == "[\"R00003\"]").Select(e => e.Seq).SingleAsync());
        await _web.QueryAsync(db => db.AuditEntries.Where(e => e.Seq == otherSeq).ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, "altered")));
        var broken = await VerifyAsync(dpo);
        Assert.Contains($"Keten gebroken bij volgnummer {otherSeq}", broken, StringComparison.Ordinal);
        Assert.Contains("een entry buiten uw gemeente", broken, StringComparison.Ordinal);
        Assert.DoesNotContain("the entry was altered", broken, StringComparison.Ordinal);

        // The agency DPO reads the reason of the same break.
        using var agency = await _web.SignInAsync(Role.AgencyDpo);
        using var response = await agency.PostFormAsync("/agentschap/audit", new Dictionary<string, string>(), "/agentschap/audit?handler=Verify");
        var agencyHtml = await response.Content.ReadAsStringAsync();
        Assert.Contains($"Keten gebroken bij volgnummer {otherSeq}", agencyHtml, StringComparison.Ordinal);
        Assert.Contains("the entry was altered", agencyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMunicipalDpoReadsTheReasonOfABreakInTheirOwnEntries()
    {
        var ownSeq = await _web.QueryAsync(db => db.AuditEntries.Where(e => e.Subjects == "[\"R00001\"]").Select(e => e.Seq).SingleAsync());
        await _web.QueryAsync(db => db.AuditEntries.Where(e => e.Seq == ownSeq).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "someone-else")));
        using var dpo = await _web.SignInAsync(Role.MunicipalDpo, "23027");
        var broken = await VerifyAsync(dpo);
        Assert.Contains($"Keten gebroken bij volgnummer {ownSeq}", broken, StringComparison.Ordinal);
        Assert.Contains("the entry was altered", broken, StringComparison.Ordinal);
    }

    private static async Task<string> VerifyAsync(Infrastructure.WebClient dpo)
    {
        using var response = await dpo.PostFormAsync("/gemeenten/23027/audit", new Dictionary<string, string>(), "/gemeenten/23027/audit?handler=Verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> FilterAsync(Infrastructure.WebClient client, Dictionary<string, string> fields)
    {
        using var response = await client.PostFormAsync("/gemeenten/23027/audit", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Row(string html, string dossier) =>
        Assert.Single(RowPattern().Matches(html).Select(m => m.Value), r => r.Contains(dossier, StringComparison.Ordinal));

    private static List<long> Seqs(string html) =>
        SeqPattern().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<th scope=\"row\" class=\"num\">([0-9]+)</th>")]
    private static partial Regex SeqPattern();
}
