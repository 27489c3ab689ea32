using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pnx.Data;

namespace Pnx.Protocols.Public;

/// <summary>The public transparency page (art. 10): every protocol, active and ended, with a link to its text.</summary>
[AllowAnonymous]
public sealed class TransparencyModel(PnxDb db, TimeProvider time) : PageModel
{
    public IReadOnlyList<PublicProtocol> Protocols { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Protocols = await PublicProtocols.ListAsync(db, time, ct);
}
