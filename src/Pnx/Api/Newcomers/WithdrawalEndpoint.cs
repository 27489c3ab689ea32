using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pnx.Api.Clients;
using Pnx.Audit;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Imports.Validation;
using Pnx.Municipalities;
using Pnx.Newcomers;
using Pnx.Protocols;
using Pnx.Retention;

namespace Pnx.Api.Newcomers;

public sealed record WithdrawalRequest(IReadOnlyList<string> DossierNumbers);

public sealed record WithdrawalResult(int Withdrawn, IReadOnlyList<string> NotFound);

/// <summary>
/// `POST /api/v1/municipalities/{nis}/withdrawals`: the agency withdraws newcomers; their personal data leave the
/// workspace at once (erased in the same transaction, as a snapshot's withdrawals are).
/// </summary>
public static class WithdrawalEndpoint
{
    public const int MaxDossiers = 100_000;

    private static readonly HashSet<string> Members = ["dossierNumbers"];

    public static async Task<IResult> WithdrawAsync(HttpContext http, PnxDb db, TimeProvider time, CancellationToken ct)
    {
        var workspace = WorkspaceMunicipality.Of(http);
        var (document, problem) = await ApiJson.ReadObjectAsync(http.Request, ct);
        if (document is null) return problem!;
        using var _ = document;
        var body = document.RootElement;
        var errors = new List<FieldError>();
        ApiJson.RefuseUnknownMembers(body, Members, null, errors);
        var dossiers = new List<string>();
        if (!body.TryGetProperty("dossierNumbers", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > MaxDossiers)
        {
            errors.Add(new FieldError(null, "dossierNumbers", $"Required: an array of 1 to {MaxDossiers} dossier numbers."));
        }
        else
        {
            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String || element.GetString() is not { } text) errors.Add(new FieldError(index, "dossierNumbers", "Must be a string."));
                else if (CodeRules.Dossier(text.Trim()) is { } error) errors.Add(new FieldError(index, "dossierNumbers", error));
                else dossiers.Add(text.Trim());
                index++;
            }
        }

        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var today = BelgianTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var actor = ApiCaller.Of(http)!.Actor;
        var wanted = dossiers.Distinct(StringComparer.Ordinal).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One after the other with imports and the retention purge of this municipality, as they are among themselves: on
        // PostgreSQL each of them also stamps the municipality's row (NewcomersStamp), so without the lock a withdrawal holding a
        // newcomer's row and an import holding the municipality's could wait for each other.
        await NewcomerWriteLock.AcquireAsync(db, [workspace.Id], ct);
        if (!await db.HasActiveProtocolAsync(workspace.Id, today, ct))
            return ApiProblems.Problem(StatusCodes.Status409Conflict, $"Municipality {workspace.NisCode} has no active protocol today; nothing is shared with it.");
        var found = await CurrentNewcomers.Of(db, workspace.Retention).Where(n => wanted.Contains(n.DossierNumber))
            .Select(n => new { n.Id, n.DossierNumber }).ToListAsync(ct);
        var ids = found.Select(f => f.Id).ToList();
        if (ids.Count > 0)
        {
            await db.Newcomers.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.WithdrawnAt, now), ct);
            await NewcomerErasure.EraseAsync(db, ids, now, RetentionRule.Withdrawal, ct);
        }

        var withdrawn = found.Select(f => f.DossierNumber).ToHashSet(StringComparer.Ordinal);
        var notFound = wanted.Where(d => !withdrawn.Contains(d)).ToList();
        await AuditTrail.AppendAsync(db, time, new AuditRecord(actor, "withdrawal", workspace.NisCode, withdrawn.Order(StringComparer.Ordinal).ToList(),
            AuditPurposes.Exchange, $"{withdrawn.Count} withdrawn by API, {notFound.Count} not found"), ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new WithdrawalResult(withdrawn.Count, notFound));
    }
}
