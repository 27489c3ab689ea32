using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Hosting;
using Pnx.Imports.Upload;
using Pnx.Tests.Imports;
using Pnx.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Pnx.Tests.Web.Upload;

/// <summary>
/// Apply imports in the background: the POST answers 303 at once, the status page shows the progress and then the
/// outcome, only to the uploader; pages keep answering meanwhile; an import abandoned by a stopped server is marked failed.
/// </summary>
public sealed partial class BackgroundUploadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Page = "/agentschap/import";
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync(limits: new WebLimits(ReadsPerMinute: 100_000));

    public async Task DisposeAsync() => await _web.DisposeAsync();

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static Dictionary<string, string> Upsert(string? municipality = null) =>
        municipality is null ? new() { ["Mode"] = "upsert" } : new() { ["Mode"] = "upsert", ["Municipality"] = municipality };

    /// <summary>Previews <paramref name="file"/> and confirms it; the apply's answer (not followed).</summary>
    private static async Task<HttpResponseMessage> PreviewAndApplyAsync(Infrastructure.WebClient client, byte[] file, Dictionary<string, string> fields)
    {
        using var preview = await client.PostFileAsync(Page, Page + "?handler=Preview", "file", "inburgeraars.csv", file, fields);
        var uploadId = UploadId().Match(await client.FollowUploadAsync(preview)).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{32}$", uploadId);
        return await client.PostFormAsync(Page, new Dictionary<string, string>(fields) { ["UploadId"] = uploadId, ["AllowMassWithdrawal"] = "false" }, Page + "?handler=Apply");
    }

    private async Task<StagedUpload> UploadAsync(string key)
    {
        await using var db = _web.Database.Open();
        return await db.StagedUploads.AsNoTracking().SingleAsync(u => u.Key == key);
    }

    private static string KeyOf(HttpResponseMessage apply) => apply.Headers.Location!.OriginalString[^32..];

    [Fact]
    public async Task ApplyAnswers303AtOnceAndTheStatusPageReachesTheOutcome()
    {
        using var client = await _web.SignInAsync(Role.AgencyDataSteward);
        var file = Csv("Dossiernummer;Naam;Voornaam;Niveau Nederlands;NIS-code gemeente", "W-0301;Peeters;Anna;A2;23027", "W-0302;Janssens;Bram;B1;23088");
        using var apply = await PreviewAndApplyAsync(client, file, Upsert());

        Assert.Equal(HttpStatusCode.SeeOther, apply.StatusCode);
        var html = await client.FollowUploadAsync(apply);
        Assert.Contains("Toegepast: de gegevens zijn gedeeld", html, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">23027 Halle</th>\\s*<td class=\"num\">1</td>\\s*<td class=\"num\">0</td>", html);
        Assert.Matches("<th scope=\"row\">23088 Vilvoorde</th>\\s*<td class=\"num\">1</td>", html);
        Assert.DoesNotContain("<progress", html, StringComparison.Ordinal);
        var upload = await UploadAsync(KeyOf(apply));
        Assert.Equal(UploadStates.Done, upload.State);
        Assert.Equal(2, upload.RowsRead);
        Assert.NotNull(upload.StartedAt);
        Assert.NotNull(upload.FinishedAt);
        Assert.Empty(upload.Content);
        Assert.DoesNotContain("Peeters", upload.OutcomeJson, StringComparison.Ordinal);

        // Applied once: a second confirmation of the same upload finds it gone.
        using var again = await client.PostFormAsync(Page, new Dictionary<string, string> { ["UploadId"] = upload.Key, ["Mode"] = "upsert" }, Page + "?handler=Apply");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("niet meer beschikbaar", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesAnswerWhileALargeUploadIsImportedInTheBackgroundAndItsProgressIsKept()
    {
        const int rows = 60_000;
        using var steward = await _web.SignInAsync(Role.AgencyDataSteward);
        using var caseWorker = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        int before;
        await using (var db = _web.Database.Open()) before = await db.Newcomers.CountAsync();
        var auditBefore = await Newcomers.WorkspaceWorld.AuditHeadAsync(_web);

        // The preview: checked in the background, its progress shown until the preview is there; nothing written.
        using var previewPost = await steward.PostFileAsync(Page, Page + "?handler=Preview", "file", "groot.csv", Encoding.UTF8.GetBytes(ImportWorkspace.Csv(rows)), Upsert("23027"));
        var checkingPages = 0;
        var preview = await steward.FollowUploadAsync(previewPost, running =>
        {
            Assert.Contains("<progress", running, StringComparison.Ordinal);
            Assert.Matches("Bezig met controleren|In de wachtrij", running);
            Assert.DoesNotContain("Bevestigen en toepassen", running, StringComparison.Ordinal);
            checkingPages++;
            return Task.CompletedTask;
        });
        output.WriteLine($"{checkingPages} pages while the preview was checked");
        Assert.Contains("Voorbeeld: dit zou er veranderen", preview, StringComparison.Ordinal);
        Assert.Matches($"<th scope=\"row\">23027 Halle</th>\\s*<td class=\"num\">{rows}</td>", preview);
        var previewed = await UploadAsync(KeyOf(previewPost));
        Assert.Equal(UploadStates.Previewed, previewed.State);
        Assert.Equal(rows, previewed.RowsRead);
        Assert.NotEmpty(previewed.Content);
        await using (var db = _web.Database.Open()) Assert.Equal(before, await db.Newcomers.CountAsync());
        Assert.Empty(await Newcomers.WorkspaceWorld.AuditSinceAsync(_web, auditBefore));

        using var apply = await steward.PostFormAsync(Page, new Dictionary<string, string>(Upsert("23027"))
        {
            ["UploadId"] = UploadId().Match(preview).Groups[1].Value, ["AllowMassWithdrawal"] = "false",
        }, Page + "?handler=Apply");
        var key = KeyOf(apply);
        Assert.Equal(previewed.Key, key);

        var pagesWhileRunning = 0;
        var progressSeen = false;
        var html = await steward.FollowUploadAsync(apply, async running =>
        {
            Assert.Contains("<progress", running, StringComparison.Ordinal);
            progressSeen |= RowsRead().Match(running) is { Success: true } m && m.Groups[1].Value != "0";
            // Another user's page answers while the import runs (how fast is for the benchmarks).
            Assert.Contains("Inburgeraars", await caseWorker.GetPageAsync("/gemeenten/23027/inburgeraars"), StringComparison.Ordinal);
            pagesWhileRunning++;
        });

        output.WriteLine($"{pagesWhileRunning} pages while running; rows read seen before the end: {progressSeen}");
        Assert.True(pagesWhileRunning >= 1, "the import ended before a page was asked");
        Assert.Contains("Toegepast", html, StringComparison.Ordinal);
        Assert.Contains("groot.csv", html, StringComparison.Ordinal);
        Assert.Matches($"<th scope=\"row\">23027 Halle</th>\\s*<td class=\"num\">{rows}</td>", html);
        var done = await UploadAsync(key);
        Assert.Equal(UploadStates.Done, done.State);
        Assert.Equal(rows, done.RowsRead);
        await using var after = _web.Database.Open();
        Assert.Equal(before + rows, await after.Newcomers.CountAsync());
    }

    [Fact]
    public async Task AnotherUserSeesNothingOfAnUploadsState()
    {
        var key = await InsertUploadAsync("another-user", UploadStates.Done, TimeSpan.Zero);
        using var client = await _web.SignInAsync(Role.AgencyDataSteward);
        var html = await client.GetPageAsync(Page + "?upload=" + key);
        Assert.Contains("niet meer beschikbaar", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Toegepast", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<progress", html, StringComparison.Ordinal);
        Assert.DoesNotContain("23027 Halle: 7 created", html, StringComparison.Ordinal);

        using var caseWorker = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        using var denied = await caseWorker.GetAsync(Page + "?upload=" + key);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task AnUploadLeftRunningByAStoppedServerIsMarkedFailedWhenAServerStarts()
    {
        var owner = await StewardIdAsync();
        var key = await InsertUploadAsync(owner, UploadStates.Reading, UploadImportService.StaleAfter + TimeSpan.FromMinutes(1));
        var fresh = await InsertUploadAsync(owner, UploadStates.Reading, TimeSpan.Zero);
        var check = await InsertUploadAsync(owner, UploadStates.Checking, UploadImportService.StaleAfter + TimeSpan.FromMinutes(1));

        // A server starting on the same database (as after a crash) finds it.
        var app = WebHost.Build(_web.Database.Settings, TimeProvider.System, "http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while ((await UploadAsync(key)).State != UploadStates.Failed)
            {
                Assert.True(DateTime.UtcNow < until, "the interrupted upload was not marked failed");
                await Task.Delay(100);
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        var failed = await UploadAsync(key);
        Assert.Empty(failed.Content);
        Assert.Equal(UploadStates.Failed, (await UploadAsync(check)).State);
        Assert.NotNull(failed.FinishedAt);
        // One that told it was alive a moment ago may be another instance's, still running.
        Assert.Equal(UploadStates.Reading, (await UploadAsync(fresh)).State);

        using var client = await _web.SignInAsync(Role.AgencyDataSteward);
        var html = WebUtility.HtmlDecode(await client.GetPageAsync(Page + "?upload=" + key));
        Assert.Contains("De verwerking is mislukt", html, StringComparison.Ordinal);
        Assert.Contains(UploadImportService.InterruptedMessage, html, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStatusPageTellsTheCheckFromTheImportAndOffersConfirmationOnlyForAPassedPreview()
    {
        var owner = await StewardIdAsync();
        using var client = await _web.SignInAsync(Role.AgencyDataSteward);
        async Task<string> ShownAsync(string key) => WebUtility.HtmlDecode(await client.GetPageAsync(Page + "?upload=" + key));

        var checking = await ShownAsync(await InsertUploadAsync(owner, UploadStates.Checking, TimeSpan.Zero, rowsRead: 12_345, fraction: 0.45));
        Assert.Contains("Bezig met controleren", checking, StringComparison.Ordinal);
        Assert.Contains("12.345 rijen gecontroleerd (45 %)", checking, StringComparison.Ordinal);
        Assert.Contains("<progress max=\"100\" value=\"45\">", checking, StringComparison.Ordinal);
        Assert.Contains("Er wordt niets weggeschreven", checking, StringComparison.Ordinal);
        Assert.Contains("http-equiv=\"refresh\"", checking, StringComparison.Ordinal);
        Assert.DoesNotContain("Bevestigen en toepassen", checking, StringComparison.Ordinal);

        var comparing = await ShownAsync(await InsertUploadAsync(owner, UploadStates.Comparing, TimeSpan.Zero, rowsRead: 800));
        Assert.Contains("800 rijen gecontroleerd; ze worden vergeleken met de gedeelde gegevens.", comparing, StringComparison.Ordinal);

        var queuedCheck = await ShownAsync(await InsertUploadAsync(owner, UploadStates.Queued, TimeSpan.Zero, rowsRead: 0));
        Assert.Contains("Het bestand wacht op zijn beurt.", queuedCheck, StringComparison.Ordinal);
        Assert.Contains("Er wordt niets weggeschreven", queuedCheck, StringComparison.Ordinal);

        var reading = await ShownAsync(await InsertUploadAsync(owner, UploadStates.Reading, TimeSpan.Zero, SevenCreated, rowsRead: 2_000, fraction: 0.1));
        Assert.Contains("Bezig met verwerken", reading, StringComparison.Ordinal);
        Assert.Contains("2.000 rijen gelezen (10 %)", reading, StringComparison.Ordinal);
        Assert.Contains("alles of niets weggeschreven", reading, StringComparison.Ordinal);

        // A passed check: the preview, with what its confirmation posts again (mode, municipality, mass withdrawal).
        var passed = SevenCreated with { Mode = "snapshot", Municipality = "23027", AllowMassWithdrawal = true, FileName = "export-december.csv" };
        var previewKey = await InsertUploadAsync(owner, UploadStates.Previewed, TimeSpan.Zero, passed);
        var preview = await ShownAsync(previewKey);
        Assert.Contains("Voorbeeld: dit zou er veranderen", preview, StringComparison.Ordinal);
        Assert.Contains("export-december.csv · volledige momentopname · gemeente 23027", preview, StringComparison.Ordinal);
        Assert.Contains($"name=\"UploadId\" value=\"{previewKey}\"", preview, StringComparison.Ordinal);
        Assert.Contains("name=\"Mode\" value=\"snapshot\"", preview, StringComparison.Ordinal);
        Assert.Contains("name=\"AllowMassWithdrawal\" value=\"true\"", preview, StringComparison.Ordinal);
        Assert.Contains("name=\"Municipality\" value=\"23027\"", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", preview, StringComparison.Ordinal);

        // A refused check: its problems, the form to upload again, nothing to confirm.
        var refused = SevenCreated with { ExitCode = Pnx.Cli.ExitCodes.Rejected, Errors = ["upload.csv: row 2, column \"Niveau Nederlands\": \"B3\" is not one of A1, A2, B1, B2, C1"], Plans = [] };
        var refusedPage = await ShownAsync(await InsertUploadAsync(owner, UploadStates.Done, TimeSpan.Zero, refused));
        Assert.Contains("Het bestand werd geweigerd", refusedPage, StringComparison.Ordinal);
        Assert.Contains("Rij 2, kolom \"Niveau Nederlands\": \"B3\" staat niet in de lijst", refusedPage, StringComparison.Ordinal);
        Assert.Contains("Voorbeeld bekijken", refusedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Bevestigen en toepassen", refusedPage, StringComparison.Ordinal);

        // Only a passed check can be confirmed: a running one cannot be applied before its preview was shown.
        var stillChecking = await InsertUploadAsync(owner, UploadStates.Checking, TimeSpan.Zero);
        using var early = await client.PostFormAsync(Page, new Dictionary<string, string> { ["UploadId"] = stillChecking, ["Mode"] = "upsert" }, Page + "?handler=Apply");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("niet meer beschikbaar", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(UploadStates.Checking, (await UploadAsync(stillChecking)).State);
    }

    private async Task<string> StewardIdAsync()
    {
        var email = _web.Account(Role.AgencyDataSteward).Email;
        await using var db = _web.Database.Open();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static readonly UploadOutcome SevenCreated = new(0, ["23027 Halle: 7 created, 0 updated, 0 unchanged, 0 withdrawn"], [],
        [new UploadOutcome.Counts("23027", "Halle", 7, 0, 0, 0, 0)], "upload.csv", "upsert", null);

    /// <summary>An upload in <paramref name="state"/>, its last sign of life <paramref name="silentFor"/> ago (done: seven created).</summary>
    private async Task<string> InsertUploadAsync(
        string owner, string state, TimeSpan silentFor, UploadOutcome? outcome = null, int rowsRead = 5, double? fraction = null)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var now = DateTime.UtcNow;
        await using var db = _web.Database.Open();
        db.StagedUploads.Add(new StagedUpload
        {
            Key = key, Owner = owner, Kind = UploadStore.Newcomers, CreatedAt = now, Extension = ".csv", Content = [1, 2, 3],
            State = state, RowsRead = rowsRead, Fraction = fraction, UpdatedAt = now - silentFor, StartedAt = now - silentFor,
            OutcomeJson = (outcome ?? (state == UploadStates.Done ? SevenCreated : null))?.ToJson(),
        });
        await db.SaveChangesAsync();
        return key;
    }

    [GeneratedRegex("name=\"UploadId\" value=\"([0-9a-f]+)\"")]
    private static partial Regex UploadId();

    [GeneratedRegex("([\\d.]+) rijen gelezen")]
    private static partial Regex RowsRead();
}
