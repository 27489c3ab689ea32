using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Pnx.Access.Web;
using Pnx.Data;

namespace Pnx.Sessions;

/// <summary>
/// Keeps authentication tickets in the database (server-side sessions). A session ends on sign-out,
/// when the user is disabled, after 20 idle minutes or 8 hours, whichever comes first.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, TimeProvider time, IHttpContextAccessor accessor) : ITicketStore
{
    /// <summary>The ticket carries its own session id, so a page can end every session but the current one.</summary>
    public const string SessionIdItem = "pnx-session-id";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        ticket.Properties.Items[SessionIdItem] = id;
        var session = new UserSession
        {
            Id = id,
            UserId = ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "",
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + SessionPolicy.AbsoluteLifetime,
            Ticket = TicketSerializer.Default.Serialize(ticket),
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PnxDb>();
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PnxDb>();
        ticket.Properties.Items[SessionIdItem] = key;
        var bytes = TicketSerializer.Default.Serialize(ticket);
        await db.UserSessions.Where(s => s.Id == key && s.EndedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var http = accessor.HttpContext;
        await using var scope = scopes.CreateAsyncScope();
        // The request's own context when there is a request (one DbContext per request), else a fresh scope.
        var db = http?.RequestServices.GetRequiredService<PnxDb>() ?? scope.ServiceProvider.GetRequiredService<PnxDb>();
        // This is a signed-in request's first query: its context keeps the connection open until the request ends, instead of
        // EF Core taking one from the pool and giving it back around every query (SQLite: Microsoft.Data.Sqlite registers and
        // removes EF Core's dozen SQL functions on the native handle each time; PostgreSQL: a DISCARD ALL each time).
        if (http is not null) await db.Database.OpenConnectionAsync(http.RequestAborted);
        // One query: the session, the user's grants and the route's workspace (RequestAccess primes the latter two).
        var session = await RequestAccess.LoadAsync(db, key, http, time);
        if (session is null) return null;
        // Of the requests of one session that find the touch due at once, the first touches it; the others' updates match no row.
        var due = now - SessionPolicy.TouchInterval;
        if (session.LastSeenAt < due)
        {
            await db.UserSessions.Where(s => s.Id == key && s.LastSeenAt < due).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
        }

        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PnxDb>();
        await db.UserSessions.Where(s => s.Id == key && s.EndedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
    }

    /// <summary>Ends every session of a user at once (disabling, password change).</summary>
    public static Task<int> EndAllAsync(PnxDb db, string userId, DateTime now, CancellationToken ct = default) =>
        EndAllButAsync(db, userId, null, now, ct);

    /// <summary>Ends every session of a user except <paramref name="keepId"/> (the one that just re-authenticated).</summary>
    public static Task<int> EndAllButAsync(PnxDb db, string userId, string? keepId, DateTime now, CancellationToken ct = default) =>
        db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.Id != keepId).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct);
}
