using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Protocols.Public;

/// <summary>The published text of one protocol, public (art. 10).</summary>
[AllowAnonymous]
public sealed class ProtocolTextModel(PnxDb db, TimeProvider time) : PageModel
{
    public PublicProtocol Protocol { get; private set; } = null!;

    public string? Text { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken ct)
    {
        var found = (await PublicProtocols.ListAsync(db, time, ct)).SingleOrDefault(p => p.Id == id);
        if (found is null) return NotFound();
        Protocol = found;
        Text = await db.Protocols.Where(p => p.Id == id).Select(p => p.PublishedText).SingleAsync(ct);
        return Page();
    }
}
