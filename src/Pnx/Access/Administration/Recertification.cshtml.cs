using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Pnx.Data;
using static Pnx.Hosting.UiText;

namespace Pnx.Access.Administration;

/// <summary>Grants that lapse within 30 days unless another administrator recertifies them (protocol art. 6).</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Web.WorkspacePolicies.AccessAdministration)]
public sealed class RecertificationModel(PnxDb db, TimeProvider time) : AdministrationPageModel
{
    public IReadOnlyList<GrantRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await GrantList.ListAsync(db, time.GetUtcNow(), dueWithinDays: OverviewModel.DueWithinDays, ct: ct);

    public async Task<IActionResult> OnPostAsync(int grantId, CancellationToken ct)
    {
        var outcome = await GrantRules.RecertifyAsync(db, time, grantId, ActorId, ct);
        return Report(outcome, AccessMessages.WithId("Toegang {0} is gehercertificeerd en loopt 12 maanden vanaf vandaag.", grantId));
    }
}
