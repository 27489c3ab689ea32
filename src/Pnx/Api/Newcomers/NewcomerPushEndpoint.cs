using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pnx.Api.Clients;
using Pnx.Cli;
using Pnx.Data;
using Pnx.Hosting;
using Pnx.Imports;
using Pnx.Imports.Validation;
using Pnx.Municipalities;

namespace Pnx.Api.Newcomers;

public sealed record NewcomerPush(
    string DossierNumber, string FamilyName, string GivenNames, string? Street, string? HouseNumber, string? Box, string? PostalCode,
    string? City, string? Phone, string? Email, string? ContactLanguage, string? DutchLevel, string? CivicOrientationStatus,
    IReadOnlyList<string>? Interests, string? CertificateDate);

public sealed record NewcomerPushRequest(string Mode, IReadOnlyList<NewcomerPush> Newcomers, bool AllowMassWithdrawal = false);

public sealed record NewcomerPushResult(int Created, int Updated, int Unchanged, int Withdrawn, int Skipped);

/// <summary>
/// `POST /api/v1/municipalities/{nis}/newcomers`: the file import without the file. The rows go through the
/// file import's parser and <see cref="ImportApplier"/> (modes, protocol gate, mass-withdrawal guard, retention
/// skip, audit, one transaction), so the API can never accept what a file would be refused for.
/// </summary>
public static class NewcomerPushEndpoint
{
    public const int MaxNewcomers = 100_000;

    private static readonly HashSet<string> Members = ["mode", "newcomers", "allowMassWithdrawal"];

    public static async Task<IResult> PushAsync(HttpContext http, PnxDb db, TimeProvider time, CancellationToken ct)
    {
        var workspace = WorkspaceMunicipality.Of(http);
        var (document, problem) = await ApiJson.ReadObjectAsync(http.Request, ct);
        if (document is null) return problem!;
        using var _ = document;
        var body = document.RootElement;
        var errors = new List<FieldError>();
        ApiJson.RefuseUnknownMembers(body, Members, null, errors);
        var mode = ImportMode.Snapshot;
        switch (ApiJson.Text(body, "mode", null, errors))
        {
            case null or "snapshot": break;
            case "upsert": mode = ImportMode.Upsert; break;
            default: errors.Add(new FieldError(null, "mode", "Must be \"snapshot\" or \"upsert\".")); break;
        }

        var allowMass = false;
        if (body.TryGetProperty("allowMassWithdrawal", out var allow))
        {
            if (allow.ValueKind is JsonValueKind.True or JsonValueKind.False) allowMass = allow.GetBoolean();
            else errors.Add(new FieldError(null, "allowMassWithdrawal", "Must be true or false."));
        }

        if (!body.TryGetProperty("newcomers", out var newcomers) || newcomers.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new FieldError(null, "newcomers", "Required: an array of newcomers."));
            return ApiProblems.Invalid(errors);
        }

        var count = newcomers.GetArrayLength();
        if (count is 0 or > MaxNewcomers)
        {
            errors.Add(new FieldError(null, "newcomers", $"Give 1 to {MaxNewcomers} newcomers (use withdrawals to remove newcomers)."));
            return ApiProblems.Invalid(errors);
        }

        var table = PushRows.Build(newcomers, errors);
        var parsed = NewcomerTableParser.Parse(table, BelgianTime.Today(time));
        var typeErrors = errors.Select(e => (e.Index, e.Field)).ToHashSet();
        errors.AddRange(parsed.Problems.Select(PushRows.ToFieldError).Where(e => !typeErrors.Contains((e.Index, e.Field))));
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors.OrderBy(e => e.Index ?? -1).ThenBy(e => FieldOrder(e.Field)).ToList(),
                $"Nothing was written: the batch has {errors.Count} problem(s); see errors.");
        }

        var options = new ImportOptions(workspace.NisCode, mode, DryRun: false, allowMass, ApiCaller.Of(http)!.Actor);
        ImportOutcome outcome;
        try
        {
            outcome = await ImportApplier.ApplyAsync(db, time, parsed.Records, options, "api push", ct);
        }
        catch (Exception exception) when (IsCollision(exception))
        {
            // Two imports of one municipality collided (the same dossier created twice); the transaction rolled back.
            return ApiProblems.Problem(StatusCodes.Status409Conflict,
                "Another push or import of this municipality ran at the same time; nothing was written. Retry.");
        }

        if (outcome.ExitCode == ExitCodes.Refused)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "Refused by the protocol; nothing was written: "
                + string.Join("; ", outcome.Errors.Select(e => e.Replace("api push: ", "", StringComparison.Ordinal)
                    .Replace("repeat with --allow-mass-withdrawal", "repeat with \"allowMassWithdrawal\": true", StringComparison.Ordinal))));
        }

        if (outcome.ExitCode != ExitCodes.Done) return ApiProblems.Invalid(outcome.Errors.Select(e => new FieldError(null, null, e)).ToList());
        var plan = outcome.Plans.Single();
        return TypedResults.Ok(new NewcomerPushResult(plan.Creates.Count, plan.Updates.Count, plan.Unchanged.Count, plan.Withdrawals.Count, plan.SkippedRetentionEnded.Count));
    }

    /// <summary>A unique-key clash or a serialisation failure between two imports of one municipality (whole transaction rolled back).</summary>
    private static bool IsCollision(Exception exception) =>
        ((exception as DbUpdateException)?.InnerException ?? exception)
            is Npgsql.PostgresException { SqlState: "23505" or "40001" or "40P01" } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };

    private static int FieldOrder(string? field)
    {
        for (var i = 0; i < PushFields.All.Count; i++)
        {
            if (PushFields.All[i].Member == field) return i;
        }

        return -1;
    }
}
