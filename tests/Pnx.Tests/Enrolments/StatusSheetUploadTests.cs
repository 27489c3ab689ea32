using System.Net;
using WebClient = Pnx.Tests.Infrastructure.WebClient;
using System.Text.RegularExpressions;
using Pnx.Access;
using Pnx.Enrolments;
using Pnx.Tests.Infrastructure;
using Pnx.Tests.Trajectories;

namespace Pnx.Tests.Enrolments;

/// <summary>The status sheet in the browser (/gemeenten/{nis}/statussen): the real export of the demo workspace, edited, previewed, applied.</summary>
public sealed partial class StatusSheetUploadTests(TrajectoryHost host) : IClassFixture<TrajectoryHost>
{
    private const string Page = "/gemeenten/23027/statussen";

    private TestWeb Web => host.Web;

    private async Task<(WebClient CaseWorker, long Enrolment, string File)> ExportWithAnEnrolmentAsync()
    {
        var newcomer = await Pnx.Tests.Trajectories.ParticipationWorld.AddNewcomerAsync(Web.Database, "23027", TrajectoryHost.NewDossier(), "Statusblad", "Noor");
        var activity = await Pnx.Tests.Trajectories.ParticipationWorld.AddActivityAsync(Web.Database, "23027", "Dansles");
        var enrolment = await Pnx.Tests.Trajectories.ParticipationWorld.EnrolAsync(Web.Database, TimeProvider.System, "23027", newcomer, activity);
        var caseWorker = await Web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        using var export = await caseWorker.PostFormAsync("/gemeenten/23027/inburgeraars", new Dictionary<string, string> { ["format"] = "xlsx" }, "/gemeenten/23027/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var file = Path.Combine(Web.Database.Settings.DataDir, Guid.NewGuid().ToString("N") + ".xlsx");
        await File.WriteAllBytesAsync(file, await export.Content.ReadAsByteArrayAsync());
        return (caseWorker, enrolment, file);
    }

    [Fact]
    public async Task CaseWorkerPreviewsTheStatusSheetThenAppliesIt()
    {
        var (caseWorker, enrolment, file) = await ExportWithAnEnrolmentAsync();
        using (var editor = StatusWorkbookEditor.Open(file)) editor.Type(enrolment, "Status", "aangemeld");

        using var preview = await caseWorker.PostFileAsync(Page, Page + "?handler=Preview", "file", "statussen.xlsx", await File.ReadAllBytesAsync(file), new Dictionary<string, string>());
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Matches(@"23027 Halle: 1 status changed, 0 enrolments created, \d+ unchanged \(dry run: nothing written\)", html);
        Assert.Equal(EnrolmentStatus.Voorgesteld, (await Pnx.Tests.Trajectories.ParticipationWorld.EnrolmentAsync(Web.Database, enrolment)).Status);

        var uploadId = UploadId().Match(html).Groups[1].Value;
        using var apply = await caseWorker.PostFormAsync(Page, new Dictionary<string, string> { ["UploadId"] = uploadId }, Page + "?handler=Apply");
        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        Assert.Contains("Toegepast", await apply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(EnrolmentStatus.Aangemeld, (await Pnx.Tests.Trajectories.ParticipationWorld.EnrolmentAsync(Web.Database, enrolment)).Status);
        caseWorker.Dispose();
    }

    [Fact]
    public async Task AnUploadWithAChangedNewcomerCellIsRefusedNamingTheCellAndOffersNoApply()
    {
        var (caseWorker, enrolment, file) = await ExportWithAnEnrolmentAsync();
        using (var editor = StatusWorkbookEditor.Open(file))
        {
            editor.Type(enrolment, "Status", "aangemeld");
            editor.Set(StatusWorkbookEditor.Newcomers, "B2", "Anders");
        }

        using var preview = await caseWorker.PostFileAsync(Page, Page + "?handler=Preview", "file", "statussen.xlsx", await File.ReadAllBytesAsync(file), new Dictionary<string, string>());
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Contains("Het statusblad werd geweigerd", html, StringComparison.Ordinal);
        Assert.Contains("statussen.xlsx: row 2, column &quot;Naam&quot;: cell Inburgeraars!B2 differs", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(UploadId(), html);
        Assert.Equal(EnrolmentStatus.Voorgesteld, (await Pnx.Tests.Trajectories.ParticipationWorld.EnrolmentAsync(Web.Database, enrolment)).Status);
        caseWorker.Dispose();
    }

    [GeneratedRegex("name=\"UploadId\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex UploadId();
}
