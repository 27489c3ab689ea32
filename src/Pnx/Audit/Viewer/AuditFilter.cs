using Microsoft.EntityFrameworkCore;
using Pnx.Data;

namespace Pnx.Audit.Viewer;

/// <summary>
/// The viewer's filters as sent by the form. Dates come from date pickers (yyyy-mm-dd) or are typed as Belgian
/// calendar days (dd/mm/jjjj); the user is an e-mail address or an actor as stored ("user:ID", "cli:NAME");
/// the dossier number matches exactly. Paging is by seq (keyset): <see cref="Before"/> shows the entries older
/// than that seq, <see cref="After"/> those newer, so any page costs the same on ten million entries.
/// </summary>
public sealed class AuditFilter
{
    public const int PageSize = 100;

    public string? User { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Action { get; set; }

    public string? Dossier { get; set; }

    public long? Before { get; set; }

    public long? After { get; set; }

    /// <summary>The actor as stored: an e-mail address becomes "user:ID" (an unknown address matches nothing).</summary>
    public async Task<string?> ResolveActorAsync(PnxDb db, CancellationToken ct)
    {
        var user = User?.Trim();
        if (string.IsNullOrEmpty(user)) return null;
        if (!user.Contains('@', StringComparison.Ordinal)) return user;
        var normalized = user.ToUpperInvariant();
        var id = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleOrDefaultAsync(ct);
        return id is null ? "user:?" : "user:" + id;
    }

    /// <summary>Non-personal summary for the audit.view entry: which filters were used, never their values beyond closed lists and ids.</summary>
    public string Describe(string? actor) => string.Join("; ", new[]
    {
        actor is null ? null : "actor " + actor,
        string.IsNullOrWhiteSpace(Action) ? null : "action " + Action.Trim(),
        string.IsNullOrWhiteSpace(From) ? null : "from " + From.Trim(),
        string.IsNullOrWhiteSpace(To) ? null : "to " + To.Trim(),
        string.IsNullOrWhiteSpace(Dossier) ? null : "dossier filter",
    }.Where(s => s is not null));
}
